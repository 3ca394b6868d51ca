// One info evening folded from its events: the programme, and the registrations in arrival order.
using System.Collections.Immutable;
using Booking.Domain.Configuration;
using NodaTime;

namespace Booking.Domain.InfoEvenings;

public enum RegistrationStatus { Registered, Waiting, Cancelled }

/// <param name="At">When the registration arrived (a promotion keeps the arrival time).</param>
/// <param name="Attended">Null until staff mark attendance.</param>
public sealed record EveningRegistration(Guid RegistrationId, Guid ClientId, int Seats, RegistrationStatus Status, Instant At, bool? Attended);

public sealed record InfoEvening(
    bool Scheduled,
    Guid EveningId,
    string Title,
    string Description,
    Instant Start,
    Instant End,
    string? Place,
    string? OnlineLink,
    Language Language,
    int Capacity,
    IReadOnlyList<string> Partners,
    Instant RegistrationOpens,
    Instant RegistrationCloses,
    bool Cancelled,
    string? CancelReason,
    ImmutableList<EveningRegistration> Registrations,
    int WaitingPeak)
{
    public static readonly InfoEvening Initial = new(false, Guid.Empty, "", "", default, default, null, null, Language.Fi, 0, [],
        default, default, false, null, [], 0);

    public static InfoEvening Evolve(InfoEvening state, object @event) => @event switch
    {
        EveningScheduled e => state with
        {
            Scheduled = true, EveningId = e.EveningId, Title = e.Title, Description = e.Description, Start = e.Start, End = e.End,
            Place = e.Place, OnlineLink = e.OnlineLink, Language = e.Language, Capacity = e.Capacity, Partners = e.Partners,
            RegistrationOpens = e.RegistrationOpens, RegistrationCloses = e.RegistrationCloses,
        },
        EveningCancelled e => state with { Cancelled = true, CancelReason = e.Reason },
        Registered e => state with
        {
            Registrations = state.Registrations.Add(new EveningRegistration(e.RegistrationId, e.ClientId, e.Seats, RegistrationStatus.Registered, e.At, null)),
        },
        Waitlisted e => Peak(state with
        {
            Registrations = state.Registrations.Add(new EveningRegistration(e.RegistrationId, e.ClientId, e.Seats, RegistrationStatus.Waiting, e.At, null)),
        }),
        PromotedFromWaitlist e => Update(state, e.RegistrationId, r => r with { Status = RegistrationStatus.Registered }),
        RegistrationCancelled e => Update(state, e.RegistrationId, r => r with { Status = RegistrationStatus.Cancelled }),
        AttendanceMarked e => Update(state, e.RegistrationId, r => r with { Attended = e.Attended }),
        _ => state,
    };

    private static InfoEvening Update(InfoEvening state, Guid registrationId, Func<EveningRegistration, EveningRegistration> change) =>
        state.Registrations.FindIndex(r => r.RegistrationId == registrationId) is var i and >= 0
            ? state with { Registrations = state.Registrations.SetItem(i, change(state.Registrations[i])) }
            : state;

    private static InfoEvening Peak(InfoEvening state) => state with { WaitingPeak = Math.Max(state.WaitingPeak, state.Waiting.Count) };

    public int SeatsTaken => Registrations.Where(r => r.Status == RegistrationStatus.Registered).Sum(r => r.Seats);

    public int SeatsFree => Math.Max(0, Capacity - SeatsTaken);

    /// <summary>The registrations holding seats, in arrival order.</summary>
    public IReadOnlyList<EveningRegistration> Registered => Registrations.Where(r => r.Status == RegistrationStatus.Registered).ToList();

    /// <summary>The waiting list in arrival order: the first is promoted first.</summary>
    public IReadOnlyList<EveningRegistration> Waiting => Registrations.Where(r => r.Status == RegistrationStatus.Waiting).ToList();

    public EveningRegistration? Registration(Guid registrationId) => Registrations.FirstOrDefault(r => r.RegistrationId == registrationId);

    /// <summary>1 for the first on the waiting list; null when the registration does not wait.</summary>
    public int? WaitingPosition(Guid registrationId)
    {
        var position = 0;
        foreach (var r in Registrations)
        {
            if (r.Status != RegistrationStatus.Waiting) continue;
            position++;
            if (r.RegistrationId == registrationId) return position;
        }
        return null;
    }

    public bool RegistrationOpenAt(Instant now) => Scheduled && !Cancelled && now >= RegistrationOpens && now < RegistrationCloses;
}
