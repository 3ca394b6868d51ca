using Booking.Domain.EventSourcing;
using Microsoft.AspNetCore.Http;

namespace Booking.Kiosk.Shared;

/// <summary>The status a page answers a refused form post with, the same a client of the API would get for the refusal.</summary>
public static class FormStatus
{
    public static int Of(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Gone => StatusCodes.Status410Gone,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
