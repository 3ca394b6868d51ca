// One place that turns a domain refusal into an RFC 9457 problem document with the right status.
using Booking.Domain;
using Booking.Api.Appointments;
using Booking.Domain.Appointments;
using Booking.Domain.EventSourcing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Booking.Api.Errors;

public static class Problems
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Gone => StatusCodes.Status410Gone,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static ProblemHttpResult From(Refusal refusal)
    {
        var error = refusal.Error;
        var status = StatusOf(error.Kind);
        var problem = refusal.Fields is { Count: > 0 } fields
            ? new HttpValidationProblemDetails(fields.ToDictionary(f => f.Key, f => f.Value)) { Detail = DescribeFields(fields) }
            : new ProblemDetails { Detail = error.Message };
        problem.Status = status;
        problem.Title = TitleOf(error.Kind);
        problem.Type = $"https://httpstatuses.io/{status}";
        problem.Extensions["code"] = error.Code;
        if (error.Field is not null) problem.Extensions["field"] = error.Field;
        if (refusal.NextFreeTimes is { } next)
            problem.Extensions["nextFreeTimes"] = next.Select(FreeTimeDto.From).ToList();
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Invalid(string field, string message) => From(Refusal.InvalidField(field, message));

    public static ProblemHttpResult NotFound(string message) =>
        From(new Refusal(new DomainError("not_found", message, ErrorKind.NotFound)));

    private static string DescribeFields(IReadOnlyDictionary<string, string[]> fields) =>
        string.Join(" ", fields.Select(f => $"{f.Key}: {string.Join(" ", f.Value)}"));

    private static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => "Some fields are not valid",
        ErrorKind.NotFound => "Not found",
        ErrorKind.Conflict => "Conflict with a change made a moment earlier",
        ErrorKind.Forbidden => "Not yours to change",
        ErrorKind.Gone => "No longer usable",
        _ => "Not allowed by the unit's rules",
    };
}
