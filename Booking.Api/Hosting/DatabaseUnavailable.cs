using System.Net.Sockets;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
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

    /// <summary>What a client may conclude when the database could not be reached: a read changed nothing; a write may have
    /// been saved (the connection can drop after COMMIT), and only a route that takes an Idempotency-Key can tell by a retry.</summary>
    public enum Advice { NothingChanged, RetryWithTheSameKey, LookBeforeSendingAgain }

    /// <param name="retryableByKey">The route reads an Idempotency-Key (and, for a request, one was sent).</param>
    public static Advice AdviceFor(string method, bool retryableByKey) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) ? Advice.NothingChanged
        : retryableByKey ? Advice.RetryWithTheSameKey
        : Advice.LookBeforeSendingAgain;

    /// <summary>True when the endpoint's handler reads the Idempotency-Key header.</summary>
    public static bool TakesIdempotencyKey(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<MethodInfo>() is { } handler
        && handler.GetParameters().Any(p => p.GetCustomAttribute<FromHeaderAttribute>()?.Name == IdempotencyKeyHeader.Name);

    /// <summary>The answer's detail for an API client.</summary>
    public static string Detail(Advice advice) => advice switch
    {
        Advice.NothingChanged => "The booking service cannot reach its database right now. Nothing was changed; try again in a moment.",
        Advice.RetryWithTheSameKey =>
            "The booking service cannot reach its database right now. What you sent may have been saved; retry with the same Idempotency-Key in a moment to get its answer.",
        _ => "The booking service cannot reach its database right now. What you sent may have been saved: read it back in a moment before you send it again.",
    };
}
