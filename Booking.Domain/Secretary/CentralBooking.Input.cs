// The secretary's booking as a door parsed it (the console page's form, the API's JSON): the other parent of a joint
// meeting found from the family, the ids and links made, and a repeat of the same form (its idempotency key) answered
// with the meetings it booked, so that a double submit or a retry books once, whichever door it came through.
using Booking.Domain.Appointments;
using System.Security.Cryptography;
using System.Text;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;
using NodaTime.Text;

namespace Booking.Domain.Secretary;

/// <param name="Joint">A joint meeting: the family's other parent is invited (or <paramref name="OtherParentClientId"/>).</param>
/// <param name="IdempotencyKey">Made when the form is shown (or sent by an API client): the same key books once.</param>
public sealed record CentralBookingInput(
    Guid FamilyId,
    string AppointmentType,
    Modality Modality,
    IReadOnlyList<LocalDateTime> Starts,
    Guid ClientId,
    bool Joint = false,
    Guid? OtherParentClientId = null,
    Guid? KeepSupervisor = null,
    KeepReason? KeepReason = null,
    Guid? SecondProfessional = null,
    string VideoLink = "",
    string PreparationNote = "",
    string KeepReasonNote = "",
    string? IdempotencyKey = null);

public sealed partial class CentralBooking
{
    public async Task<Outcome<CentralBooked>> Book(Guid unitId, CentralBookingInput input, string actor, CancellationToken ct = default)
    {
        var family = await LoadFamily(unitId, input.FamilyId, ct);
        if (!family.Exists) return new DomainError("family_not_found", "No such family; log its first contact first.", ErrorKind.NotFound);
        var other = input.OtherParentClientId;
        if (input.Joint && other is null)
        {
            other = family.Parents.FirstOrDefault(p => p.ClientId != input.ClientId)?.ClientId;
            if (other is null) return Refusal.InvalidField("joint", "A joint meeting needs the other parent: log their details first.");
        }

        var key = string.IsNullOrWhiteSpace(input.IdempotencyKey) ? null : input.IdempotencyKey.Trim();
        Guid IdOf(string part) => key is null ? Links.NewId() : StableIds.From(key, part);
        var meetings = input.Starts.Select(start => new CentralMeeting(IdOf(LocalDateTimePattern.GeneralIso.Format(start)), start,
            Link(Links.Tokens.Issue()), other is null ? null : Link(Links.Tokens.Issue()))).ToList();
        var request = new CentralBookingRequest(input.FamilyId, IdOf("series"), input.AppointmentType.Trim(), input.Modality, meetings,
            input.ClientId, other, input.KeepSupervisor, input.KeepReason, input.SecondProfessional, input.VideoLink.Trim(),
            input.PreparationNote.Trim(), input.KeepReasonNote.Trim());
        return await Book(unitId, request, actor, ct);
    }

    private static IssuedLink Link(IssuedToken token) => new(token.Hash, token.Sealed);

    /// <summary>The meetings a repeat of the same request already booked, when it did.</summary>
    private async Task<CentralBooked?> AlreadyBooked(Guid unitId, Family family, CentralBookingRequest request, CancellationToken ct)
    {
        var ids = request.Meetings.Select(m => m.AppointmentId).ToHashSet();
        if (!family.Meetings.Any(m => ids.Contains(m.AppointmentId))) return null;
        var booked = new List<Appointment>();
        foreach (var id in request.Meetings.Select(m => m.AppointmentId).Where(ids.Contains))
            if (family.Meetings.Any(m => m.AppointmentId == id)) booked.Add(await Load(unitId, id, ct));
        booked.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new CentralBooked(booked, booked[0].SupervisorId, booked[0].SecondProfessionalId, Replayed: true);
    }
}
