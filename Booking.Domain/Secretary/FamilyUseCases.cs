// The secretary's side of a family: log a contact (the first starts the lead-time clock), add the other parent, find the
// family again, and send tailored info links. Names and numbers go to client_contacts (documents), never into events.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;
using LogStep = Booking.Domain.EventSourcing.Step<Booking.Domain.Outcome<Booking.Domain.Secretary.Family>>;
using SendStep = Booking.Domain.EventSourcing.Step<Booking.Domain.Outcome<Booking.Domain.Secretary.InfoLinksSent>>;

namespace Booking.Domain.Secretary;

/// <summary>A parent's details as the secretary takes them on the phone: a name and a phone number or an email (or both).</summary>
public sealed record ParentDetails(string Name, string Email, string Phone, Language Language)
{
    public Dictionary<string, string[]> Validate(string prefix)
    {
        var errors = new Dictionary<string, string[]>();
        var name = Name?.Trim() ?? "";
        if (name.Length == 0) errors[prefix + "name"] = ["Name is required."];
        else if (name.Length > ContactDetails.MaxName) errors[prefix + "name"] = [$"Name must be at most {ContactDetails.MaxName} characters."];
        else if (ClientInput.HasControlCharacters(name)) errors[prefix + "name"] = ["Name must not contain control characters."];
        var email = Email?.Trim() ?? "";
        var phone = Phone?.Trim() ?? "";
        if (email.Length == 0 && phone.Length == 0) errors[prefix + "phone"] = ["Give a phone number or an email address (or both)."];
        if (email.Length > 0 && !ContactDetails.IsEmail(email)) errors[prefix + "email"] = ["Email must be a valid address such as name@example.fi."];
        if (phone.Length > 0 && !ContactDetails.IsPhone(phone)) errors[prefix + "phone"] = ["Phone must have 6 to 15 digits and may start with +."];
        return errors;
    }
}

/// <param name="OtherParent">The other parent's details when the caller gives them (a joint meeting needs them).</param>
public sealed record ContactRequest(ContactChannel Channel, string Matter, ParentRole Parent, ParentDetails? Details,
    ParentRole? OtherParentRole = null, ParentDetails? OtherParent = null);

/// <summary>A family as the secretary's console shows it.</summary>
public sealed record FamilyView(Family Family, IReadOnlyList<(FamilyParent Parent, ClientContact? Contact)> Parents);

/// <summary>Finds families by a parent's name, phone number or email (the secretary's search box).</summary>
public interface IFamilySearch
{
    Task<IReadOnlyList<Guid>> Search(Guid unitId, string text, int limit, CancellationToken ct = default);
}

public sealed class FamilyUseCases(IEventStore store, IUnitConfigurationSource configurations, IClientContacts contacts, IClock clock)
{
    private readonly WriteRunner runner = new(store, clock);

    /// <summary>Logs a contact. With a new <paramref name="familyId"/> this is the family's first contact.</summary>
    public async Task<Outcome<Family>> LogContact(Guid unitId, Guid familyId, ContactRequest request, Func<Guid> newId, string actor,
        CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        var fields = new Dictionary<string, string[]>();
        if (config.Type(request.Matter) is null)
            fields["matter"] = [$"Unknown matter '{request.Matter}'. Known: {string.Join(", ", config.AppointmentTypes.Select(t => t.Code))}."];
        if (request.Details is { } details) foreach (var (k, v) in details.Validate("parent.")) fields[k] = v;
        if (request.OtherParent is { } other)
        {
            foreach (var (k, v) in other.Validate("otherParent.")) fields[k] = v;
            if (request.OtherParentRole is null || request.OtherParentRole == request.Parent)
                fields["otherParentRole"] = ["The other parent's role must differ from the contacting parent's."];
        }
        if (fields.Count > 0) return Refusal.Invalid(fields);

        return await runner.Run(unitId, actor, async (write, token) =>
        {
            var stream = await write.Fetch(FamilyDecider.Definition, StreamIds.Family(familyId), token);
            if (!stream.State.Exists && request.Details is null)
                return LogStep.Answer(Refusal.InvalidField("parent.name", "A first contact needs the contacting parent's name and phone or email."));
            if (stream.Decide(new LogContact(familyId, request.Channel, request.Matter, request.Parent, newId(), actor, write.Now)).Error is { } error)
                return LogStep.Answer(error);
            if (request.OtherParent is not null && request.OtherParentRole is { } otherRole
                && stream.Decide(new AddParent(familyId, otherRole, newId(), actor, write.Now)).Error is { } addError)
                return LogStep.Answer(addError);
            var state = stream.State;
            if (request.Details is { } parent) write.Store(Contact(unitId, state.Parent(request.Parent)!.ClientId, parent));
            if (request.OtherParent is { } otherParent && request.OtherParentRole is { } role)
                write.Store(Contact(unitId, state.Parent(role)!.ClientId, otherParent));
            return LogStep.Save(state);
        }, () => Task.FromResult<Outcome<Family>>(Busy()), ct);
    }

    public async Task<FamilyView?> View(Guid unitId, Guid familyId, CancellationToken ct = default)
    {
        var family = await Load(unitId, familyId, ct);
        if (!family.Exists) return null;
        var found = await contacts.Find(unitId, family.Parents.Select(p => p.ClientId).ToList(), ct);
        return new FamilyView(family, family.Parents.Select(p => (p, found.GetValueOrDefault(p.ClientId))).ToList());
    }

    /// <summary>Queues an email with the info links and preparation notes for the matter to one parent, in the given
    /// language or else the parent's own.</summary>
    public async Task<Outcome<InfoLinksSent>> SendInfoLinks(Guid unitId, Guid familyId, Guid clientId, string? matter, Language? language,
        string actor, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        return await runner.Run(unitId, actor, async (write, token) =>
        {
            var stream = await write.Fetch(FamilyDecider.Definition, StreamIds.Family(familyId), token);
            var code = string.IsNullOrWhiteSpace(matter) ? stream.State.Matter : matter.Trim();
            if (stream.State.Exists && config.Type(code) is null) return SendStep.Answer(Refusal.InvalidField("matter", $"Unknown matter '{code}'."));
            var chosen = language ?? Language.Fi;
            if (stream.State.Exists && stream.State.HasParent(clientId))
            {
                var contact = (await contacts.Find(unitId, [clientId], token)).GetValueOrDefault(clientId);
                if (contact is null || !ContactDetails.IsEmail(contact.Email))
                    return SendStep.Answer(new DomainError("no_email", "This parent has no email address; add one first.", ErrorKind.Rule, "clientId"));
                chosen = language ?? contact.Language;
            }
            return stream.Decide(new SendInfoLinks(familyId, clientId, code, chosen, actor, write.Now)).Error is { } error
                ? SendStep.Answer(error)
                : SendStep.Save((InfoLinksSent)stream.Appended[0]);
        }, () => Task.FromResult<Outcome<InfoLinksSent>>(Busy()), ct);
    }

    private static DomainError Busy() => WriteRunner.Busy("The family was being changed at the same moment. Please try again.");

    public async Task<Family> Load(Guid unitId, Guid familyId, CancellationToken ct = default)
    {
        var events = await store.ReadStream(unitId, StreamIds.Family(familyId), ct);
        return events.Aggregate(Family.Initial, (s, e) => Family.Evolve(s, e.Data));
    }

    private static ClientContact Contact(Guid unitId, Guid clientId, ParentDetails d) =>
        new(unitId, clientId, d.Name.Trim(), d.Email?.Trim() ?? "", d.Phone?.Trim() ?? "", d.Language);
}
