using System.Net.Sockets;
using Npgsql;

namespace Booking.Api.Hosting;

/// <summary>Tells a database outage (answer 503, try again) from a bug (answer 500).</summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception? error) => error switch
    {
        null => false,
        PostgresException pg => pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                                || pg.SqlState == "53300",
        NpgsqlException { IsTransient: true } => true,
        NpgsqlException { InnerException: SocketException or IOException or TimeoutException } => true,
        SocketException => true,
        _ => Is(error.InnerException),
    };
}
