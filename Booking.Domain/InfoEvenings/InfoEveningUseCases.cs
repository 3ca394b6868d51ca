// The info evening use cases behind the public pages (list, register, manage link) and the manager's pages (schedule,
// cancel, roster, attendance). Each loads the evening's stream, decides and appends with the version it read. A popular
// evening gets many registrations at once on one stream, so writes from this instance take turns and a race lost to
// another instance is retried after a pause the host supplies.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;

namespace Booking.Domain.InfoEvenings;

/// <summary>The manager's form; times are local in the unit's zone.</summary>
public sealed record ScheduleEveningRequest(
    Guid EveningId,
    string Title,
    string Description,
    LocalDateTime Start,
    LocalDateTime End,
    string? Place,
    string? OnlineLink,
    Language Language,
    int Capacity,
    IReadOnlyList<string> Partners,
    LocalDateTime RegistrationOpens,
    LocalDateTime RegistrationCloses);

/// <summary>What a door parsed from a registration (the evening's page, the API's JSON), nothing made yet.</summary>
/// <param name="IdempotencyKey">An API client's Idempotency-Key: the same key for the same evening registers once and answers
/// the same manage link; null makes new ids every time.</param>
public sealed record EveningRegistrationInput(Guid EveningId, ContactDetails Client, int Seats, string? IdempotencyKey);

/// <summary>A registration with its manage link in clear (the same link on a repeat of the same key; null only when a repeat's
/// link can no longer be unsealed).</summary>
public sealed record RegisteredOnline(EveningRegistrationView View, string? ManageToken, bool Replayed);

/// <summary>A registration with its ids and manage token made (by <see cref="InfoEveningUseCases.RegisterOnline"/>). The phone is optional.</summary>
public sealed record EveningRegistrationRequest(
    Guid EveningId,
    Guid RegistrationId,
    Guid ClientId,
    ContactDetails Client,
    int Seats,
    string TokenHash,
    string SealedToken);

public sealed record InfoEveningView(
    Guid EveningId,
    string Title,
    string Description,
    LocalDateTime Start,
    LocalDateTime End,
    string? Place,
    string? OnlineLink,
    Language Language,
    int Capacity,
    int SeatsFree,
    int Waiting,
    IReadOnlyList<string> Partners,
    LocalDateTime RegistrationOpens,
    LocalDateTime RegistrationCloses,
    bool RegistrationOpen,
    bool Cancelled);

/// <param name="WaitingPosition">1 for the first on the waiting list; null unless waiting.</param>
public sealed record EveningRegistrationView(
    Guid RegistrationId,
    Guid EveningId,
    string EveningTitle,
    LocalDateTime EveningStart,
    int Seats,
    RegistrationStatus Status,
    int? WaitingPosition);

/// <summary>One registrant on the staff roster; Name and Email are empty when the client's data has been erased.</summary>
public sealed record RosterLine(Guid RegistrationId, string Name, string Email, int Seats, Instant RegisteredAt, bool? Attended);

/// <param name="Registrations">Registrations holding seats.</param>
/// <param name="Attended">Registrations marked as attended.</param>
/// <param name="WaitingPeak">The longest the waiting list has been (registrations).</param>
public sealed record EveningFigures(int SeatsTaken, int Registrations, int Attended, int WaitingPeak);

public sealed record EveningRoster(InfoEveningView Evening, IReadOnlyList<RosterLine> Registered, IReadOnlyList<RosterLine> Waiting,
    EveningFigures Figures);

/// <param name="pause">The pause before retry number n after a lost race; the host adds the jitter.</param>
/// <param name="maxAttempts">How often to try before answering "busy".</param>
public sealed class InfoEveningUseCases(
    IEventStore store,
    IInfoEveningCatalogue catalogue,
    IClock clock,
    Func<int, TimeSpan> pause,
    IUnitConfigurationSource configurations,
    IEveningRegistrationTokens tokens,
    IEveningContacts contacts,
    int maxAttempts = 1000,
    IManageTokenIssuer? links = null,
    Func<Guid>? newId = null)
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 4000;
    public const int MaxPlace = 300;
    public const int MaxPartners = 10;
    public const int MaxReason = 500;

    public async Task<Outcome<InfoEveningView>> Schedule(Guid unitId, ScheduleEveningRequest request, string by, CancellationToken ct = default)
    {
        var fields = Validate(request);
        if (fields.Count > 0) return Refusal.Invalid(fields);
        var config = await configurations.Current(unitId, ct);
        Instant At(LocalDateTime local) => local.InZoneLeniently(config.Zone).ToInstant();
        var run = await Run(unitId, request.EveningId, by, now => new ScheduleEvening(request.EveningId, request.Title, request.Description ?? "",
            At(request.Start), At(request.End), request.Place, request.OnlineLink, request.Language, request.Capacity, request.Partners ?? [],
            At(request.RegistrationOpens), At(request.RegistrationCloses), by, now), null, ct);
        if (run.Error is { } error) return Refused(error);
        return ViewOf(config, run.State!, run.Now);
    }

    public async Task<Outcome<InfoEveningView>> Cancel(Guid unitId, Guid eveningId, string reason, string by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Refusal.InvalidField("reason", "Say why the evening is cancelled; the registrants are told.");
        if (reason.Length > MaxReason) return Refusal.InvalidField("reason", $"The reason must be at most {MaxReason} characters.");
        var config = await configurations.Current(unitId, ct);
        var run = await Run(unitId, eveningId, by, now => new CancelEvening(reason.Trim(), by, now), null, ct);
        if (run.Error is { } error) return error;
        return ViewOf(config, run.State!, run.Now);
    }

    /// <summary>The public list: evenings not yet over and not cancelled, earliest first.</summary>
    public async Task<IReadOnlyList<InfoEveningView>> Upcoming(Guid unitId, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        return (await Load(unitId, ct)).Where(e => !e.State.Cancelled && e.State.End > now).Select(e => e.View).ToList();
    }

    /// <summary>Every evening of the unit, for the manager, earliest first.</summary>
    public async Task<IReadOnlyList<InfoEveningView>> All(Guid unitId, CancellationToken ct = default) =>
        (await Load(unitId, ct)).Select(e => e.View).ToList();

    public async Task<InfoEveningView?> Get(Guid unitId, Guid eveningId, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        var state = await Read(unitId, eveningId, ct);
        return state.Scheduled ? ViewOf(config, state, clock.GetCurrentInstant()) : null;
    }

    /// <summary>A parent's registration from the evening's page or the API: the ids and the manage link are made here, and
    /// the same idempotency key for the same evening registers once and answers the same link.</summary>
    public async Task<Outcome<RegisteredOnline>> RegisterOnline(Guid unitId, EveningRegistrationInput input, CancellationToken ct = default)
    {
        var issuer = links ?? throw new InvalidOperationException("InfoEveningUseCases was made without its link issuer.");
        var makeId = newId ?? throw new InvalidOperationException("InfoEveningUseCases was made without its id maker.");
        var key = string.IsNullOrWhiteSpace(input.IdempotencyKey) ? null : $"{input.IdempotencyKey.Trim()}\n{input.EveningId:N}";
        var registrationId = key is null ? makeId() : StableIds.From(key, "registration");
        var clientId = key is null ? makeId() : StableIds.From(key, "client");
        var issued = issuer.Issue();
        var outcome = await Register(unitId, new EveningRegistrationRequest(input.EveningId, registrationId, clientId, input.Client, input.Seats,
            issued.Hash, issued.Sealed), ct);
        if (outcome.Value is not { } view) return outcome.Refusal!;
        if (await tokens.Find(unitId, issued.Hash, ct) is not null) return new RegisteredOnline(view, issued.Token, Replayed: false);
        // A repeat: the registration was made by the first request, whose link is the one to answer.
        var first = await tokens.OfClient(unitId, input.EveningId, clientId, ct);
        return new RegisteredOnline(view, first is { } f ? issuer.Unseal(f.SealedToken) : null, Replayed: true);
    }

    public async Task<Outcome<EveningRegistrationView>> Register(Guid unitId, EveningRegistrationRequest request, CancellationToken ct = default)
    {
        var fields = request.Client.Validate();
        if (string.IsNullOrWhiteSpace(request.Client.Phone)) fields.Remove("client.phone");
        if (request.Seats is < 1 or > InfoEveningDecider.MaxSeats) fields["seats"] = [$"Register 1 or {InfoEveningDecider.MaxSeats} seats."];
        if (fields.Count > 0) return Refusal.Invalid(fields);

        var config = await configurations.Current(unitId, ct);
        var client = request.Client.Normalised() with { Phone = request.Client.Phone?.Trim() ?? "" };
        var emailKey = EveningRegistrant.KeyOf(client.Email);
        var clientId = request.ClientId;
        var run = await Run(unitId, request.EveningId, $"client:{request.ClientId:N}",
            async now =>
            {
                // One address is one registrant: under the id it registered with before, the decider sees the repeat. Looked up
                // on every attempt, so that a race lost to the same address is answered already_registered on the retry.
                clientId = await contacts.RegistrantOf(unitId, request.EveningId, emailKey, ct) ?? request.ClientId;
                return new Register(request.RegistrationId, clientId, request.Seats, now);
            },
            session =>
            {
                session.Store(new ClientContact(unitId, clientId, client.Name, client.Email, client.Phone, client.Language));
                session.Store(new EveningRegistrationToken(unitId, request.EveningId, request.RegistrationId, clientId,
                    request.TokenHash, request.SealedToken));
                session.Store(new EveningRegistrant(unitId, request.EveningId, emailKey, clientId));
            }, ct);
        if (run.Error is { } error) return Refused(error);
        return RegistrationViewOf(config, run.State!, request.RegistrationId);
    }

    /// <summary>The registrant cancels from the manage link; the first on the waiting list who now fits gets the seats.</summary>
    public async Task<Outcome<EveningRegistrationView>> CancelRegistration(Guid unitId, string tokenHash, CancellationToken ct = default)
    {
        if (await tokens.Find(unitId, tokenHash, ct) is not { } found) return TokenNotFound();
        var (eveningId, registrationId) = found;
        var config = await configurations.Current(unitId, ct);
        var run = await Run(unitId, eveningId, "client:token", now => new CancelRegistration(registrationId, now), null, ct);
        if (run.Error is { } error) return error;
        return RegistrationViewOf(config, run.State!, registrationId);
    }

    public async Task<EveningRegistrationView?> Registration(Guid unitId, string tokenHash, CancellationToken ct = default)
    {
        if (await tokens.Find(unitId, tokenHash, ct) is not { } found) return null;
        var (eveningId, registrationId) = found;
        var config = await configurations.Current(unitId, ct);
        var state = await Read(unitId, eveningId, ct);
        return state.Registration(registrationId) is null ? null : RegistrationViewOf(config, state, registrationId);
    }

    /// <summary>Staff only: who is coming and who waits, with names and emails from the contacts.</summary>
    public async Task<Outcome<EveningRoster>> Roster(Guid unitId, Guid eveningId, CancellationToken ct = default)
    {
        var state = await Read(unitId, eveningId, ct);
        if (!state.Scheduled) return EveningNotFound();
        return await RosterOf(unitId, state, clock.GetCurrentInstant(), ct);
    }

    public async Task<Outcome<EveningRoster>> MarkAttendance(Guid unitId, Guid eveningId, Guid registrationId, bool attended, string by,
        CancellationToken ct = default)
    {
        var run = await Run(unitId, eveningId, by, now => new MarkAttendance(registrationId, attended, by, now), null, ct);
        if (run.Error is { } error) return error;
        return await RosterOf(unitId, run.State!, run.Now, ct);
    }

    public static Dictionary<string, string[]> Validate(ScheduleEveningRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        var title = r.Title?.Trim() ?? "";
        if (title.Length == 0) errors["title"] = ["The evening needs a title."];
        else if (title.Length > MaxTitle) errors["title"] = [$"The title must be at most {MaxTitle} characters."];
        if ((r.Description?.Length ?? 0) > MaxDescription) errors["description"] = [$"The description must be at most {MaxDescription} characters."];
        if (r.End <= r.Start) errors["end"] = ["The evening must end after it starts."];
        if (r.Capacity is < 1 or > InfoEveningDecider.MaxCapacity) errors["capacity"] = [$"Capacity must be 1 to {InfoEveningDecider.MaxCapacity} seats."];
        if (r.RegistrationCloses <= r.RegistrationOpens) errors["registrationCloses"] = ["Registration must close after it opens."];
        else if (r.RegistrationCloses > r.Start) errors["registrationCloses"] = ["Registration must close no later than the evening starts."];
        var place = r.Place?.Trim() ?? "";
        var link = r.OnlineLink?.Trim() ?? "";
        if (place.Length == 0 && link.Length == 0) errors["place"] = ["Give a place or an online link."];
        if (place.Length > MaxPlace) errors["place"] = [$"The place must be at most {MaxPlace} characters."];
        if (link.Length > 0 && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            errors["onlineLink"] = ["The online link must be a web address starting with https://."];
        var partners = r.Partners ?? [];
        if (partners.Count > MaxPartners || partners.Any(p => (p?.Length ?? 0) > MaxTitle))
            errors["partners"] = [$"At most {MaxPartners} partners, each at most {MaxTitle} characters."];
        foreach (var (field, text, multiline) in new[] { ("title", title, false), ("place", place, false), ("onlineLink", link, false),
                     ("description", r.Description, true), ("partners", string.Concat(partners), false) })
            if (!errors.ContainsKey(field) && ClientInput.HasControlCharacters(text, multiline))
                errors[field] = [$"The {field} must not contain control characters."];
        return errors;
    }

    private async Task<Outcome<EveningRoster>> RosterOf(Guid unitId, InfoEvening state, Instant now, CancellationToken ct)
    {
        var config = await configurations.Current(unitId, ct);
        var clientIds = state.Registrations.Where(r => r.Status != RegistrationStatus.Cancelled).Select(r => r.ClientId).Distinct().ToList();
        var found = clientIds.Count == 0 ? new Dictionary<Guid, ClientContact>() : await contacts.Find(unitId, clientIds, ct);
        RosterLine Line(EveningRegistration r) =>
            found.TryGetValue(r.ClientId, out var c)
                ? new RosterLine(r.RegistrationId, c.Name, c.Email, r.Seats, r.At, r.Attended)
                : new RosterLine(r.RegistrationId, "", "", r.Seats, r.At, r.Attended);
        var registered = state.Registered;
        return new EveningRoster(ViewOf(config, state, now), registered.Select(Line).ToList(), state.Waiting.Select(Line).ToList(),
            new EveningFigures(state.SeatsTaken, registered.Count, registered.Count(r => r.Attended == true), state.WaitingPeak));
    }

    public static EveningFigures FiguresOf(InfoEvening state) =>
        new(state.SeatsTaken, state.Registered.Count, state.Registered.Count(r => r.Attended == true), state.WaitingPeak);

    private async Task<IReadOnlyList<(InfoEvening State, InfoEveningView View)>> Load(Guid unitId, CancellationToken ct)
    {
        var config = await configurations.Current(unitId, ct);
        var now = clock.GetCurrentInstant();
        var found = new List<(InfoEvening, InfoEveningView)>();
        foreach (var id in await catalogue.EveningIds(unitId, ct))
            if (await Read(unitId, id, ct) is { Scheduled: true } state)
                found.Add((state, ViewOf(config, state, now)));
        return found.OrderBy(e => e.Item1.Start).ToList();
    }

    private async Task<InfoEvening> Read(Guid unitId, Guid eveningId, CancellationToken ct) =>
        (await store.ReadStream(unitId, StreamIds.Evening(eveningId), ct))
        .Aggregate(InfoEvening.Initial, (s, e) => InfoEvening.Evolve(s, e.Data));

    public static InfoEveningView ViewOf(UnitConfiguration config, InfoEvening e, Instant now) =>
        new(e.EveningId, e.Title, e.Description, Local(config, e.Start), Local(config, e.End), e.Place, e.OnlineLink, e.Language, e.Capacity,
            e.SeatsFree, e.Waiting.Count, e.Partners, Local(config, e.RegistrationOpens), Local(config, e.RegistrationCloses),
            e.RegistrationOpenAt(now), e.Cancelled);

    private static EveningRegistrationView RegistrationViewOf(UnitConfiguration config, InfoEvening state, Guid registrationId)
    {
        var r = state.Registration(registrationId)!;
        return new EveningRegistrationView(r.RegistrationId, state.EveningId, state.Title, Local(config, state.Start), r.Seats, r.Status,
            state.WaitingPosition(registrationId));
    }

    private static LocalDateTime Local(UnitConfiguration config, Instant instant) => instant.InZone(config.Zone).LocalDateTime;

    /// <summary>A field error from the decider becomes a 400 naming the field, like the use case's own checks.</summary>
    private static Refusal Refused(DomainError error) =>
        error is { Kind: ErrorKind.Invalid, Field: { } field }
            ? new Refusal(error, new Dictionary<string, string[]> { [field] = [error.Message] })
            : new Refusal(error);

    private static DomainError EveningNotFound() => new("evening_not_found", "There is no such info evening.", ErrorKind.NotFound);

    private static DomainError TokenNotFound() =>
        new("registration_not_found", "This registration link is not valid.", ErrorKind.NotFound);

    private WriteRunner? runner;

    private WriteRunner Runner => LazyInitializer.EnsureInitialized(ref runner, () => new WriteRunner(store, clock, new RetryPolicy(maxAttempts, pause)));

    /// <summary>Load the evening, decide, append (with <paramref name="alsoStore"/>'s documents when events are written),
    /// and retry a lost race. Nothing is written when the decider refuses.</summary>
    private Task<StreamWrite<InfoEvening, InfoEveningEvent>> Run(Guid unitId, Guid eveningId, string actor,
        Func<Instant, InfoEveningCommand> command, Action<WriteAttempt>? alsoStore, CancellationToken ct) =>
        Run(unitId, eveningId, actor, now => Task.FromResult(command(now)), alsoStore, ct);

    /// <summary>For a command that must read something first on every attempt (a registrant found by address).</summary>
    private Task<StreamWrite<InfoEvening, InfoEveningEvent>> Run(Guid unitId, Guid eveningId, string actor,
        Func<Instant, Task<InfoEveningCommand>> command, Action<WriteAttempt>? alsoStore, CancellationToken ct) =>
        Runner.Decide(unitId, actor, InfoEveningDecider.Definition, StreamIds.Evening(eveningId),
            (_, now) => command(now), alsoStore, "Many people were registering at once. Please try again.", ct);
}
