using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.Secretary;

public abstract record FamilyCommand(Guid FamilyId, string Actor, Instant Now);

/// <param name="NewClientId">The id for the contacting parent when the family has no parent in that role yet.</param>
public sealed record LogContact(Guid FamilyId, ContactChannel Channel, string Matter, ParentRole Parent, Guid NewClientId,
    string Actor, Instant Now) : FamilyCommand(FamilyId, Actor, Now);

/// <summary>Adds a parent (the other parent, for a joint meeting) without logging a contact from them.</summary>
public sealed record AddParent(Guid FamilyId, ParentRole Role, Guid NewClientId, string Actor, Instant Now) : FamilyCommand(FamilyId, Actor, Now);

public sealed record RecordMeetings(Guid FamilyId, IReadOnlyList<(Guid AppointmentId, Instant Start)> Meetings, string Actor, Instant Now)
    : FamilyCommand(FamilyId, Actor, Now);

public sealed record SendInfoLinks(Guid FamilyId, Guid ClientId, string Matter, Language Language, string Actor, Instant Now)
    : FamilyCommand(FamilyId, Actor, Now);

public static class FamilyDecider
{
    /// <summary>This feature's decider in the one shape the write runner takes.</summary>
    public static readonly Decider<FamilyCommand, Family, FamilyEvent> Definition = new(StreamIds.FamilyType, Family.Initial, Family.Evolve, Decide);

    public static Decision<FamilyEvent> Decide(FamilyCommand command, Family state) => command switch
    {
        LogContact c => Log(c, state),
        _ when !state.Exists => new DomainError("family_not_found", "No such family; log its first contact first.", ErrorKind.NotFound),
        AddParent c when state.Parent(c.Role) is not null => Decision<FamilyEvent>.Nothing,
        AddParent c => Decision<FamilyEvent>.Accept(new ParentAdded(c.FamilyId, c.NewClientId, c.Role, c.Actor, c.Now)),
        RecordMeetings c => Decision<FamilyEvent>.Accept(c.Meetings
            .Where(m => state.Meetings.All(known => known.AppointmentId != m.AppointmentId))
            .Select(m => (FamilyEvent)new FamilyMeetingBooked(c.FamilyId, m.AppointmentId, m.Start, c.Actor, c.Now)).ToArray()),
        SendInfoLinks c when !state.HasParent(c.ClientId) =>
            new DomainError("not_a_parent", "The info links go to one of the family's parents.", ErrorKind.Invalid, "clientId"),
        SendInfoLinks c => Decision<FamilyEvent>.Accept(new InfoLinksSent(c.FamilyId, c.ClientId, c.Matter, c.Language, c.Actor, c.Now)),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown family command."),
    };

    private static Decision<FamilyEvent> Log(LogContact c, Family state)
    {
        var logged = new ContactLogged(c.FamilyId, c.Channel, c.Matter, c.Parent, c.Actor, c.Now);
        return state.Parent(c.Parent) is not null
            ? Decision<FamilyEvent>.Accept(logged)
            : Decision<FamilyEvent>.Accept(new ParentAdded(c.FamilyId, c.NewClientId, c.Parent, c.Actor, c.Now), logged);
    }
}
