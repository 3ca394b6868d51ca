using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Booking.Api.Hosting;

public sealed record HealthDto(string Status, string Database);

public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", Check).WithName("Health").WithTags("Health").WithSummary("Whether the service and its database answer.");

    public static async Task<Results<Ok<HealthDto>, JsonHttpResult<HealthDto>>> Check(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(ct);
            return TypedResults.Ok(new HealthDto("healthy", "up"));
        }
        catch (Exception e) when (DatabaseUnavailable.Is(e))
        {
            return TypedResults.Json(new HealthDto("unhealthy", "unreachable"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
