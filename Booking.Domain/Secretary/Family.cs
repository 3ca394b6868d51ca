using System.Collections.Immutable;
using NodaTime;

namespace Booking.Domain.Secretary;

public sealed record FamilyParent(Guid ClientId, ParentRole Role);

public sealed record LoggedContact(ContactChannel Channel, string Matter, ParentRole Parent, Instant At);

public sealed record FamilyMeeting(Guid AppointmentId, Instant Start, Instant BookedAt);

public sealed record Family(
    Guid Id,
    ImmutableList<FamilyParent> Parents,
    ImmutableList<LoggedContact> Contacts,
    ImmutableList<FamilyMeeting> Meetings)
{
    public static readonly Family Initial = new(Guid.Empty, [], [], []);

    public bool Exists => Contacts.Count > 0;

    /// <summary>When the family first reached the unit: the start of the lead-time clock.</summary>
    public Instant? FirstContactAt => Contacts.Count > 0 ? Contacts[0].At : null;

    public string Matter => Contacts.Count > 0 ? Contacts[^1].Matter : "";

    public FamilyParent? Parent(ParentRole role) => Parents.FirstOrDefault(p => p.Role == role);

    public bool HasParent(Guid clientId) => Parents.Any(p => p.ClientId == clientId);

    public static Family Evolve(Family state, object @event) => @event switch
    {
        ParentAdded e => state with { Id = e.FamilyId, Parents = state.Parents.Add(new FamilyParent(e.ClientId, e.Role)) },
        ContactLogged e => state with { Id = e.FamilyId, Contacts = state.Contacts.Add(new LoggedContact(e.Channel, e.Matter, e.Parent, e.LoggedAt)) },
        FamilyMeetingBooked e => state with { Meetings = state.Meetings.Add(new FamilyMeeting(e.AppointmentId, e.Start, e.BookedAt)) },
        _ => state,
    };
}
