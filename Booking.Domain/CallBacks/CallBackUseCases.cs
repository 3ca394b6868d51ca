// The call-back use cases behind the public page (free times, reserve, cancel link), the secretary (reserve for a
// client, cancel), the supervisor's day (list with numbers, done, not reached) and the unit's figures. Each write loads
// the day's stream, decides and appends with the version it read; a race lost to another instance is retried after a
// pause the host supplies, and the retry decides again, so two clients for one slot end with exactly one call-back.
using Booking.Domain.Appointments;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using Booking.Domain.WalkIn;
using NodaTime;
using NodaTime.Text;

namespace Booking.Domain.CallBacks;

/// <summary>A reservation; the caller makes the ids and the cancel link's token (the domain never does).</summary>
/// <param name="StaffId">The secretary's choice of supervisor; null lets the unit assign impartially.</param>
/// <param name="TokenHash">The hash of the cancel link's token; null when nobody gets a link (the secretary's reservation).</param>
/// <param name="Email">Optional: where the confirmation also goes by email (the SMS goes to <paramref name="Phone"/>).</param>
public sealed record CallBackRequest(
    Guid CallBackId,
    Guid ClientId,
    LocalDateTime Start,
    WalkInMatter Matter,
    Language Language,
    string Phone,
    string? Name,
    CallBackChannel Channel,
    string ReservedBy,
    Guid? StaffId = null,
    string? TokenHash = null,
    string? SealedToken = null,
    string? Email = null);

/// <summary>What a door parsed from a parent's reservation (the public page's form, the API's JSON), nothing made yet.</summary>
/// <param name="IdempotencyKey">The page's form key or an API client's Idempotency-Key: the same key reserves once and
/// answers the same cancel link; null makes new ids every time.</param>
public sealed record CallBackInput(LocalDateTime Start, WalkInMatter Matter, Language Language, string Phone, string? Name, string? Email,
    string? IdempotencyKey);

/// <summary>A parent's reservation with its cancel link in clear (the same link on a repeat of the same key; null only when
/// a repeat's link can no longer be unsealed).</summary>
public sealed record ReservedOnline(ReservedCallBack Reserved, string? CancelToken);

/// <summary>A call-back as the client sees it: no staff names, no phone number.</summary>
public sealed record CallBackView(Guid CallBackId, LocalDateTime Start, LocalDateTime End, WalkInMatter Matter, Language Language,
    CallBackStatus Status, int Attempts, bool CanCancel);

/// <param name="SealedToken">The cancel link's token, sealed; on a replayed form the one stored the first time.</param>
public sealed record ReservedCallBack(CallBackView View, Guid StaffId, string? SealedToken, bool Replayed);

/// <summary>Who looks at the staff list: a call-back's number is shown to its own supervisor and to the office secretary.</summary>
public sealed record CallBackViewer(Guid StaffId, bool IsSecretary)
{
    public bool SeesNumberOf(CallBack callBack) => IsSecretary || callBack.StaffId == StaffId;
}

/// <param name="RetryFrom">When the retry may be recorded as unanswered (after one unanswered call); null otherwise.</param>
/// <param name="NumberShown">False when the viewer may not see the number; Phone and Name are then null.</param>
/// <param name="Phone">Null also when the client's data was erased.</param>
public sealed record StaffCallBackView(
    Guid CallBackId,
    Guid StaffId,
    LocalDateTime Start,
    LocalDateTime End,
    WalkInMatter Matter,
    Language Language,
    CallBackChannel Channel,
    CallBackStatus Status,
    int Attempts,
    LocalDateTime? RetryFrom,
    bool NumberShown,
    string? Phone,
    string? Name);

/// <param name="SlotsOffered">Slots in the windows that day (of the supervisor asked for, or of all).</param>
/// <param name="SlotsFree">Of those, the ones nobody holds.</param>
public sealed record CallBackDayView(LocalDate Date, IReadOnlyList<StaffCallBackView> CallBacks, int SlotsOffered, int SlotsFree);

/// <param name="pick">A random index below its argument, for the impartial choice between equally loaded supervisors.</param>
/// <param name="pause">The pause before retry number n after a lost race; the host adds the jitter.</param>
/// <param name="maxAttempts">How often to try before answering "busy".</param>
public sealed class CallBackUseCases(
    IEventStore store,
    IUnitConfigurationSource configurations,
    ICallBackIndex index,
    IClientContacts contacts,
    ICallBackTokens tokens,
    IClock clock,
    Func<int, int> pick,
    Func<int, TimeSpan> pause,
    int maxAttempts = 200,
    IManageTokenIssuer? links = null,
    Func<Guid>? newId = null)
{
    private const int NextFreeTimesShown = 5;

    /// <summary>Free call-back times between two dates (clamped: online from the next day, the secretary from now, both up
    /// to the horizon). FreeStaff says who is free; the public door never shows it.</summary>
    public async Task<Outcome<IReadOnlyList<FreeTime>>> FreeTimes(Guid unitId, LocalDate from, LocalDate to, CallBackChannel channel,
        CancellationToken ct = default)
    {
        if (to < from) return Refusal.InvalidField("to", "The end date must not be before the start date.");
        var config = await configurations.Current(unitId, ct);
        var now = clock.GetCurrentInstant();
        var today = Today(config, now);
        var first = channel == CallBackChannel.Online ? today.PlusDays(1) : today;
        var last = config.OnlineWindow(today).Last;
        if (from < first) from = first;
        if (to > last) to = last;
        if (to < from) return Outcome<IReadOnlyList<FreeTime>>.Of([]);
        return Outcome<IReadOnlyList<FreeTime>>.Of(await Free(unitId, config, from, to, now, ct));
    }

    /// <summary>A parent's own reservation: the ids and the cancel link are made here from what the door parsed, so the page
    /// and the API reserve alike, and the same idempotency key reserves once and answers the same link.</summary>
    public async Task<Outcome<ReservedOnline>> ReserveOnline(Guid unitId, CallBackInput input, CancellationToken ct = default)
    {
        var issuer = links ?? throw new InvalidOperationException("CallBackUseCases was made without its link issuer.");
        // The key with the time asked for: a key sent again for another time reserves that time anew, in its own day.
        var key = string.IsNullOrWhiteSpace(input.IdempotencyKey) ? null
            : $"{input.IdempotencyKey.Trim()}\n{LocalDateTimePattern.GeneralIso.Format(input.Start)}";
        var callBackId = key is null ? NewId() : StableIds.From(key, "call-back");
        var clientId = key is null ? NewId() : StableIds.From(key, "client");
        var issued = issuer.Issue();
        var outcome = await Reserve(unitId, new CallBackRequest(callBackId, clientId, input.Start, input.Matter, input.Language, input.Phone,
            input.Name, CallBackChannel.Online, $"client:{clientId:N}", null, issued.Hash, issued.Sealed,
            string.IsNullOrWhiteSpace(input.Email) ? null : input.Email), ct);
        if (outcome.Value is not { } reserved) return outcome.Refusal!;
        var token = reserved.Replayed ? reserved.SealedToken is { } sealedToken ? issuer.Unseal(sealedToken) : null : issued.Token;
        return new ReservedOnline(reserved, token);
    }

    private Guid NewId() => (newId ?? throw new InvalidOperationException("CallBackUseCases was made without its id maker."))();

    public async Task<Outcome<ReservedCallBack>> Reserve(Guid unitId, CallBackRequest request, CancellationToken ct = default)
    {
        var fields = Validate(request);
        if (fields.Count > 0) return Refusal.Invalid(fields);
        var config = await configurations.Current(unitId, ct);
        var date = request.Start.Date;
        var offered = CallBackSlots.On(config, date);
        var phone = request.Phone.Trim();
        var name = request.Name?.Trim() ?? "";
        var email = request.Email?.Trim() ?? "";

        var run = await Run(unitId, date, request.ReservedBy, async (state, now) =>
        {
            var samePhone = await SamePhone(unitId, state, phone, ct);
            var staffId = request.StaffId ?? Choose(state, offered, request.Start);
            return new ReserveCallBack(request.CallBackId, request.ClientId, staffId, request.Start, request.Matter, request.Language,
                request.Channel, request.ReservedBy, offered, config.ClosedBecause(date), Today(config, now), config.OnlineWindow(Today(config, now)).Last,
                samePhone, now);
        }, session =>
        {
            session.Store(new ClientContact(unitId, request.ClientId, name, email, phone, request.Language));
            if (request.TokenHash is { Length: > 0 } hash && request.SealedToken is { Length: > 0 } sealedToken)
                session.Store(new CallBackToken(unitId, request.CallBackId, request.ClientId, hash, sealedToken));
        }, ct);

        if (run.Error is { Code: "slot_taken" } taken)
        {
            var today = Today(config, run.Now);
            var last = config.OnlineWindow(today).Last;
            var first = request.Channel == CallBackChannel.Online ? today.PlusDays(1) : today;
            var later = await Free(unitId, config, date < first ? first : date, last < date.PlusWeeks(2) ? last : date.PlusWeeks(2), run.Now, ct);
            return new Refusal(taken, NextFreeTimes: later.Where(f => f.Start > request.Start).Take(NextFreeTimesShown).ToList());
        }
        if (run.Error is { } error) return Refused(error);

        var callBack = run.State!.Find(request.CallBackId)!;
        var replayed = run.Events.Count == 0;
        var sealedLink = replayed ? await tokens.SealedTokenOf(unitId, request.CallBackId, ct) : request.SealedToken;
        return new ReservedCallBack(ClientViewOf(config, callBack, run.Now), callBack.StaffId, sealedLink, replayed);
    }

    /// <summary>A supervisor's (or, with no <paramref name="staffId"/>, everyone's) call-backs of a day, with the numbers
    /// the viewer may see.</summary>
    public async Task<CallBackDayView> Day(Guid unitId, LocalDate date, CallBackViewer viewer, Guid? staffId = null, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        var state = await Read(unitId, date, ct);
        var offered = CallBackSlots.On(config, date).Where(s => staffId is null || s.StaffId == staffId).ToList();
        var listed = state.CallBacks.Where(c => staffId is null || c.StaffId == staffId).OrderBy(c => c.Start).ThenBy(c => c.StaffId).ToList();
        var found = await ContactsOf(unitId, listed.Where(viewer.SeesNumberOf), ct);
        return new CallBackDayView(date, listed.Select(c => StaffViewOf(config, c, viewer, found)).ToList(), offered.Count, state.Free(offered).Count);
    }

    public Task<Outcome<StaffCallBackView>> Complete(Guid unitId, Guid callBackId, Guid staffId, CancellationToken ct = default) =>
        Act(unitId, callBackId, staffId, new CallBackViewer(staffId, false),
            (config, now) => new CompleteCallBack(callBackId, staffId, Today(config, now), now), ct);

    /// <param name="attempt">The attempt the supervisor saw as next (1 or 2), so a resent form records nothing twice; null for the next.</param>
    public Task<Outcome<StaffCallBackView>> NotReached(Guid unitId, Guid callBackId, Guid staffId, int? attempt, CancellationToken ct = default) =>
        Act(unitId, callBackId, staffId, new CallBackViewer(staffId, false),
            (config, now) => new MarkNotReached(callBackId, staffId, attempt, config.CallBacksOrDefault.RetryAfter, now), ct);

    public Task<Outcome<StaffCallBackView>> CancelBySecretary(Guid unitId, Guid callBackId, Guid secretaryId, CancellationToken ct = default) =>
        Act(unitId, callBackId, secretaryId, new CallBackViewer(secretaryId, true),
            (_, now) => new CancelCallBack(callBackId, $"staff:{secretaryId:N}", ByClient: false, now), ct);

    /// <summary>The client's own view, found by the token of the cancel link; null for an unknown link.</summary>
    public async Task<CallBackView?> ClientView(Guid unitId, string tokenHash, CancellationToken ct = default)
    {
        if (await tokens.Find(unitId, tokenHash, ct) is not { } id || await index.DayOf(unitId, id, ct) is not { } date) return null;
        var config = await configurations.Current(unitId, ct);
        return (await Read(unitId, date, ct)).Find(id) is { } callBack ? ClientViewOf(config, callBack, clock.GetCurrentInstant()) : null;
    }

    public async Task<Outcome<CallBackView>> CancelByClient(Guid unitId, string tokenHash, CancellationToken ct = default)
    {
        if (await tokens.Find(unitId, tokenHash, ct) is not { } id || await index.DayOf(unitId, id, ct) is not { } date)
            return new DomainError("call_back_not_found", "No call-back matches this link.", ErrorKind.NotFound);
        var config = await configurations.Current(unitId, ct);
        var run = await Run(unitId, date, "client:link", (_, now) => Task.FromResult<CallBackCommand>(new CancelCallBack(id, "client:link", ByClient: true, now)),
            null, ct);
        if (run.Error is { } error) return error;
        return ClientViewOf(config, run.State!.Find(id)!, run.Now);
    }

    /// <summary>Use of the call-back times between two dates (inclusive). Offered slots are counted from the current
    /// configuration's windows.</summary>
    public async Task<CallBackFigures> Figures(Guid unitId, LocalDate from, LocalDate to, CancellationToken ct = default)
    {
        var config = await configurations.Current(unitId, ct);
        var callBacks = new List<CallBack>();
        foreach (var date in await index.DaysWithCallBacks(unitId, from, to, ct))
            callBacks.AddRange((await Read(unitId, date, ct)).CallBacks);
        return CallBackFigures.Of(from, to, CallBackSlots.Between(config, from, to).Count, callBacks);
    }

    public static Dictionary<string, string[]> Validate(CallBackRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ContactDetails.IsPhone(request.Phone)) errors["phone"] = ["Phone must have 6 to 15 digits and may start with +."];
        if ((request.Name?.Trim().Length ?? 0) > ContactDetails.MaxName) errors["name"] = [$"Name must be at most {ContactDetails.MaxName} characters."];
        else if (ClientInput.HasControlCharacters(request.Name)) errors["name"] = ["Name must not contain control characters."];
        if (!string.IsNullOrWhiteSpace(request.Email) && !ContactDetails.IsEmail(request.Email))
            errors["email"] = ["Email must be a valid address such as name@example.fi, or left out."];
        return errors;
    }

    /// <summary>The digits that identify a phone number, so that "040 123 4567" and "+358401234567" are the same number.</summary>
    public static string PhoneKey(string phone)
    {
        var kept = new string(phone.Where(ch => char.IsAsciiDigit(ch) || ch == '+').ToArray());
        if (kept.StartsWith("+358", StringComparison.Ordinal)) return "0" + kept[4..];
        if (kept.StartsWith("00358", StringComparison.Ordinal)) return "0" + kept[5..];
        return kept;
    }

    private async Task<IReadOnlyList<FreeTime>> Free(Guid unitId, UnitConfiguration config, LocalDate from, LocalDate to, Instant now, CancellationToken ct)
    {
        var withCallBacks = (await index.DaysWithCallBacks(unitId, from, to, ct)).ToHashSet();
        var free = new List<FreeTime>();
        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            var offered = CallBackSlots.On(config, date);
            if (offered.Count == 0) continue;
            var state = withCallBacks.Contains(date) ? await Read(unitId, date, ct) : CallBackDay.Initial;
            free.AddRange(state.Free(offered).Where(s => s.StartsAt > now).GroupBy(s => s.Start)
                .Select(g => new FreeTime(g.Key, g.First().End, g.First().StartsAt, g.First().EndsAt, g.Select(s => s.StaffId).ToList())));
        }
        return free;
    }

    /// <summary>Central booking is impartial for call-backs too: among the supervisors free then, the one with the fewest
    /// call-backs that day, ties at random. When nobody is free, the first one offered (the decider then says taken).</summary>
    private Guid Choose(CallBackDay state, IReadOnlyList<CallBackSlot> offered, LocalDateTime start)
    {
        var atStart = offered.Where(s => s.Start == start).ToList();
        var free = state.Free(atStart).Select(s => s.StaffId).ToList();
        if (free.Count == 0) return atStart.FirstOrDefault()?.StaffId ?? Guid.Empty;
        var load = state.CallBacks.Where(c => c.HoldsSlot).GroupBy(c => c.StaffId).ToDictionary(g => g.Key, g => g.Count());
        return ImpartialAssignment.Choose(free, load, pick)!.Value;
    }

    private async Task<IReadOnlyCollection<Guid>> SamePhone(Guid unitId, CallBackDay state, string phone, CancellationToken ct)
    {
        var key = PhoneKey(phone);
        var found = await ContactsOf(unitId, state.CallBacks.Where(c => c.IsOpen), ct);
        return found.Values.Where(c => PhoneKey(c.Phone) == key).Select(c => c.ClientId).ToList();
    }

    private async Task<IReadOnlyDictionary<Guid, ClientContact>> ContactsOf(Guid unitId, IEnumerable<CallBack> callBacks, CancellationToken ct)
    {
        var ids = callBacks.Select(c => c.ClientId).Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<Guid, ClientContact>() : await contacts.Find(unitId, ids, ct);
    }

    private async Task<Outcome<StaffCallBackView>> Act(Guid unitId, Guid callBackId, Guid actorId, CallBackViewer viewer,
        Func<UnitConfiguration, Instant, CallBackCommand> command, CancellationToken ct)
    {
        if (await index.DayOf(unitId, callBackId, ct) is not { } date)
            return new DomainError("call_back_not_found", "There is no such call-back.", ErrorKind.NotFound);
        var config = await configurations.Current(unitId, ct);
        var run = await Run(unitId, date, $"staff:{actorId:N}", (_, now) => Task.FromResult(command(config, now)), null, ct);
        if (run.Error is { } error) return Refused(error);
        var callBack = run.State!.Find(callBackId)!;
        var found = await ContactsOf(unitId, new[] { callBack }.Where(viewer.SeesNumberOf), ct);
        return StaffViewOf(config, callBack, viewer, found);
    }

    private async Task<CallBackDay> Read(Guid unitId, LocalDate date, CancellationToken ct) =>
        (await store.ReadStream(unitId, StreamIds.CallBackDay(date), ct)).Aggregate(CallBackDay.Initial, (s, e) => CallBackDay.Evolve(s, e.Data));

    private static LocalDate Today(UnitConfiguration config, Instant now) => now.InZone(config.Zone).Date;

    private static LocalDateTime Local(UnitConfiguration config, Instant instant) => instant.InZone(config.Zone).LocalDateTime;

    private static CallBackView ClientViewOf(UnitConfiguration config, CallBack c, Instant now) =>
        new(c.CallBackId, Local(config, c.Start), Local(config, c.End), c.Matter, c.Language, c.Status, c.Attempts, c.IsOpen && now < c.Start);

    private static StaffCallBackView StaffViewOf(UnitConfiguration config, CallBack c, CallBackViewer viewer, IReadOnlyDictionary<Guid, ClientContact> found)
    {
        var shown = viewer.SeesNumberOf(c);
        var contact = shown ? found.GetValueOrDefault(c.ClientId) : null;
        return new StaffCallBackView(c.CallBackId, c.StaffId, Local(config, c.Start), Local(config, c.End), c.Matter, c.Language, c.Channel, c.Status,
            c.Attempts, c.RetryFrom(config.CallBacksOrDefault.RetryAfter) is { } retry ? Local(config, retry) : null, shown,
            contact?.Phone, contact is { Name.Length: > 0 } ? contact.Name : null);
    }

    /// <summary>A field error from the decider becomes a 400 naming the field, like the use case's own checks.</summary>
    private static Refusal Refused(DomainError error) =>
        error is { Kind: ErrorKind.Invalid, Field: { } field }
            ? new Refusal(error, new Dictionary<string, string[]> { [field] = [error.Message] })
            : new Refusal(error);

    private WriteRunner? runner;

    private WriteRunner Runner => LazyInitializer.EnsureInitialized(ref runner, () => new WriteRunner(store, clock, new RetryPolicy(maxAttempts, pause)));

    /// <summary>Load the day, build the command from what was read, decide, append (with <paramref name="alsoStore"/>'s
    /// documents when events are written), and retry a lost race. Nothing is written when the decider refuses.</summary>
    private Task<StreamWrite<CallBackDay, CallBackEvent>> Run(Guid unitId, LocalDate date, string actor,
        Func<CallBackDay, Instant, Task<CallBackCommand>> command, Action<WriteAttempt>? alsoStore, CancellationToken ct) =>
        Runner.Decide(unitId, actor, CallBackDecider.Definition, StreamIds.CallBackDay(date), command, alsoStore,
            "Many people were reserving call-backs at once. Please try again.", ct);
}
