// Booking one meeting: the request is made here from what a door parsed (ids, manage and invitation links, the one
// idempotency fingerprint), the supervisor is chosen impartially from fresh reads on every attempt, and the appointment
// stream and the supervisor's day are written in one transaction with the client's contact and the links.
using Booking.Domain.Configuration;
using System.Security.Cryptography;
using System.Text;
using Booking.Domain.EventSourcing;
using NodaTime;
using NodaTime.Text;
using BookStep = Booking.Domain.EventSourcing.Step<Booking.Domain.Outcome<Booking.Domain.Appointments.BookedAppointment>>;

namespace Booking.Domain.Appointments;

/// <summary>What a door parsed from a client's booking (the API's JSON body, the page's form), nothing made yet.</summary>
/// <param name="PreferredSupervisor">A follow-up from a walk-in visit: taken when free at that time; otherwise the choice is impartial.</param>
/// <param name="SeparateMeetings">The parent asks for separate meetings instead of a joint one (safety): nobody is invited.</param>
public sealed record BookingInput(
    string AppointmentType,
    Modality Modality,
    LocalDateTime Start,
    ContactDetails Client,
    string? OtherParentEmail,
    string? IdempotencyKey,
    BookingChannel Channel = BookingChannel.Online,
    Guid? PreferredSupervisor = null,
    bool SeparateMeetings = false)
{
    /// <summary>Identifies "the same request" for a repeat with the same idempotency key, without keeping the personal data.</summary>
    public string Fingerprint()
    {
        var text = string.Join('\n', AppointmentType.Trim(), Modality, LocalDateTimePattern.GeneralIso.Format(Start), Client.Name.Trim(),
            Client.Email.Trim(), Client.Phone.Trim(), Client.Language, OtherParentEmail?.Trim() ?? "", Channel, PreferredSupervisor,
            SeparateMeetings ? "separate" : "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>A booking request with everything made for it: ids, the manage link (hash for lookup, sealed copy for the email
/// and for repeats), the invitation link, and the idempotency record's key and fingerprint.</summary>
public sealed record BookingRequest(
    Guid AppointmentId,
    Guid ClientId,
    Guid? OtherParentClientId,
    string AppointmentType,
    Modality Modality,
    LocalDateTime Start,
    ContactDetails Client,
    string? OtherParentEmail,
    string ManageTokenHash,
    string SealedToken,
    string? IdempotencyKey,
    string RequestFingerprint,
    BookingChannel Channel = BookingChannel.Online,
    Guid? PreferredSupervisor = null,
    string? OtherParentTokenHash = null,
    string? OtherParentSealedToken = null,
    bool SeparateMeetings = false)
{
    /// <summary>Makes the request for <paramref name="input"/>; the manage token in clear goes only to the one who booked.</summary>
    public static (BookingRequest Request, string ManageToken) From(BookingInput input, IManageTokenIssuer tokens, Func<Guid> newId)
    {
        var manage = tokens.Issue();
        var otherEmail = string.IsNullOrWhiteSpace(input.OtherParentEmail) ? null : input.OtherParentEmail;
        var invitation = otherEmail is null ? null : tokens.Issue();
        var request = new BookingRequest(newId(), newId(), newId(), input.AppointmentType.Trim(), input.Modality, input.Start, input.Client,
            otherEmail, manage.Hash, manage.Sealed, input.IdempotencyKey, input.Fingerprint(), input.Channel, input.PreferredSupervisor,
            invitation?.Hash, invitation?.Sealed, input.SeparateMeetings);
        return (request, manage.Token);
    }
}

public sealed partial class OnlineBooking
{
    /// <summary>Books what a door parsed; the answer carries the manage token in clear (the same one on a repeat).</summary>
    public async Task<Outcome<BookedAppointment>> Book(Guid unitId, BookingInput input, CancellationToken ct = default)
    {
        var (request, token) = BookingRequest.From(input, Links.Tokens, Links.NewId);
        var outcome = await Book(unitId, request, ct);
        if (outcome.Value is not { } booked) return outcome;
        var shown = booked.Replayed ? Links.Tokens.Unseal(booked.SealedToken) : token;
        return booked with { ManageToken = shown };
    }

    public async Task<Outcome<BookedAppointment>> Book(Guid unitId, BookingRequest request, CancellationToken ct = default)
    {
        var fields = request.Client.Validate();
        if (request.OtherParentEmail is { Length: > 0 } other)
        {
            if (!ContactDetails.IsEmail(other)) fields["otherParentEmail"] = ["The other parent's email must be a valid address."];
            else if (string.Equals(other.Trim(), request.Client.Email.Trim(), StringComparison.OrdinalIgnoreCase))
                fields["otherParentEmail"] = ["The other parent's email must differ from yours."];
        }
        if (request.SeparateMeetings && request.OtherParentEmail is { Length: > 0 })
            fields["separateMeetings"] = ["Separate meetings were asked for: leave the other parent's email out (nobody is invited)."];
        if (fields.Count > 0) return Refusal.Invalid(fields);

        var config = await configurations.Current(unitId, ct);
        var actor = $"client:{request.ClientId:N}";
        return await runner.Run(unitId, actor, async (write, token) =>
        {
            // A repeat is found first on every attempt: after a failure whose commit did reach the database, and after
            // losing to a concurrent request with the same key, the answer is the booking that was made.
            if (request.IdempotencyKey is { } key && await idempotencyKeys.Find(unitId, key, token) is { } earlier)
                return BookStep.Answer(await Replay(unitId, earlier, request, token));
            if (CheckType(config, request.AppointmentType, request.Modality, request.Channel) is { } refusedType) return BookStep.Answer(refusedType);
            var type = config.Type(request.AppointmentType)!;
            if (CheckTime(config, request.Start, request.Channel, write.Now) is { } refusedTime) return BookStep.Answer(refusedTime);

            var candidates = await FreeAt(unitId, config, type, request.Start, token);
            if (candidates.Refusal is { } notBookable) return BookStep.Answer(notBookable);
            var date = request.Start.Date;
            var free = candidates.Value!.Free;
            var supervisor = request.PreferredSupervisor is { } preferred && free.Contains(preferred)
                ? preferred
                : ImpartialAssignment.Choose(ImpartialAssignment.Avoiding(free, s => write.LostOn.Contains(StreamIds.StaffDay(s, date))),
                    candidates.Value.Load, pick);
            if (supervisor is null)
            {
                // The time may have gone to this very request sent twice (a retry while the first was still running):
                // then the answer is that booking, not "just taken".
                if (request.IdempotencyKey is { } again && await idempotencyKeys.Find(unitId, again, token) is { } twin)
                    return BookStep.Answer(await Replay(unitId, twin, request, token));
                return BookStep.Answer(await Taken(unitId, config, type, request.Start, token));
            }

            var start = request.Start.InZoneLeniently(config.Zone).ToInstant();
            var day = await write.Fetch(StaffDayDecider.Definition, StreamIds.StaffDay(supervisor.Value, date), token);
            if (day.Decide(new ReserveSlot(supervisor.Value, date, request.AppointmentId, start, start + type.Occupies,
                    Appointments.FreeTimes.BookableHours(config, supervisor.Value, date), write.Now)).IsError)
                return BookStep.Again(day.StreamId);

            var appointment = await write.Fetch(AppointmentDecider.Definition, StreamIds.Appointment(request.AppointmentId), token);
            var booked = appointment.Decide(new BookAppointment(request.AppointmentId, request.ClientId,
                request.OtherParentEmail is { Length: > 0 } ? request.OtherParentClientId : null, type.Code, request.Modality,
                start, start + type.Length, start + type.Occupies, supervisor.Value, request.Channel, actor, write.Now,
                SeparateMeetings: request.SeparateMeetings));
            if (booked.Error is { } error) return BookStep.Answer(error);

            StoreDocuments(write, unitId, request);
            return BookStep.Save(new BookedAppointment(AppointmentView.From(appointment.State, config.Zone, write.Now), request.SealedToken,
                Replayed: false));
        }, async () => config.Type(request.AppointmentType) is { } type
            ? await TakenOrBusy(unitId, config, type, request.Start, ct)
            : new Outcome<BookedAppointment>(null, new Refusal(Busy())), ct);
    }

    private static void StoreDocuments(WriteAttempt write, Guid unitId, BookingRequest request)
    {
        var client = request.Client.Normalised();
        write.Store(new ClientContact(unitId, request.ClientId, client.Name, client.Email, client.Phone, client.Language));
        if (request.OtherParentEmail is { Length: > 0 } otherEmail && request.OtherParentClientId is { } otherId)
        {
            write.Store(new ClientContact(unitId, otherId, "", otherEmail.Trim(), "", client.Language));
            if (request.OtherParentTokenHash is { Length: > 0 } invitationHash && request.OtherParentSealedToken is { Length: > 0 } invitationSealed)
                write.Store(new InvitationToken(unitId, request.AppointmentId, otherId, invitationHash, invitationSealed));
        }
        write.Store(new ManageToken(unitId, request.AppointmentId, request.ClientId, request.ManageTokenHash, request.SealedToken));
        if (request.IdempotencyKey is { } key)
            write.Store(new IdempotencyRecord(unitId, key, request.RequestFingerprint, request.AppointmentId, request.SealedToken));
    }

    private async Task<Outcome<BookedAppointment>> Replay(Guid unitId, IdempotencyRecord earlier, BookingRequest request, CancellationToken ct)
    {
        if (earlier.RequestFingerprint != request.RequestFingerprint)
            return new DomainError("idempotency_key_reused",
                "This Idempotency-Key was already used for a different booking request; use a new key for a new booking.",
                ErrorKind.Rule, "Idempotency-Key");
        var view = await View(unitId, earlier.AppointmentId, ct);
        return view is null
            ? new DomainError("appointment_not_found", "No such appointment.", ErrorKind.NotFound)
            : new BookedAppointment(view, earlier.SealedToken, Replayed: true);
    }
}
