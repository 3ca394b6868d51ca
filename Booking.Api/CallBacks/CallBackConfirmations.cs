// A call-back's confirmation, by email (when the client gave an address) and by SMS: the time, the number we will call,
// the reference the secretary can search by, and the cancel link. Both are rendered from the call-back's current state
// just before sending (CallBackConfirmation says when they are no longer worth it); the contact details are read then,
// so an erased client gets nothing.
using System.Text;
using Booking.Api.Notifications;
using Booking.Domain;
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.Configuration;
using Booking.Domain.EventSourcing;
using NodaTime;
using Npgsql;

namespace Booking.Api.CallBacks;

public sealed record CallBackConfirmationFacts(Guid CallBackId, string Reference, LocalDateTime Start, LocalDateTime End, Language Language,
    string Name, string Phone, string Email, string? CancelUrl, UnitConfiguration Unit);

public sealed class CallBackConfirmations(
    NpgsqlDataSource dataSource,
    IEventStore store,
    ICallBackIndex index,
    IUnitConfigurationSource configurations,
    IManageTokenIssuer tokens,
    EmailSettings email,
    IClock clock)
{
    public const string EmailKind = "call_back_confirmation";

    /// <summary>What a confirmation says now, or why it should no longer be sent.</summary>
    public async Task<(CallBackConfirmationFacts? Facts, string? Skip)> For(Guid unitId, Guid callBackId, Guid clientId, CancellationToken ct)
    {
        if (await index.DayOf(unitId, callBackId, ct) is not { } date) return (null, "no such call-back");
        var events = await store.ReadStream(unitId, StreamIds.CallBackDay(date), ct);
        var callBack = events.Aggregate(CallBackDay.Initial, (s, e) => CallBackDay.Evolve(s, e.Data)).Find(callBackId);
        if (CallBackConfirmation.SkipReason(callBack, clock.GetCurrentInstant()) is { } skip) return (null, skip);
        if (callBack!.ClientId != clientId) return (null, "no such call-back");

        string name, emailAddress, phone;
        await using (var command = dataSource.CreateCommand("select name, email, phone from client_contacts where unit_id = $1 and client_id = $2"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = unitId });
            command.Parameters.Add(new NpgsqlParameter { Value = clientId });
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return (null, "no contact details");
            (name, emailAddress, phone) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
        }
        string? cancelUrl = null;
        await using (var command = dataSource.CreateCommand(
                         "select sealed_token from call_back_tokens where unit_id = $1 and call_back_id = $2 limit 1"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = unitId });
            command.Parameters.Add(new NpgsqlParameter { Value = callBackId });
            if (await command.ExecuteScalarAsync(ct) is string sealedToken && tokens.Unseal(sealedToken) is { } token)
                cancelUrl = $"{email.PublicBaseUrl}/call-back/{token}";
        }
        var config = await configurations.Current(unitId, ct);
        return (new CallBackConfirmationFacts(callBackId, CallBack.ReferenceOf(callBackId), callBack.Start.InZone(config.Zone).LocalDateTime,
            callBack.End.InZone(config.Zone).LocalDateTime, callBack.Language, name, phone, emailAddress, cancelUrl, config), null);
    }
}

/// <summary>The words of the call-back confirmation in Finnish, Swedish and English; times as the emails write them.</summary>
public static class CallBackConfirmationTexts
{
    private static string T(Language l, string fi, string sv, string en) => l switch { Language.Sv => sv, Language.En => en, _ => fi };

    public static string Subject(Language l, string when) =>
        T(l, $"Soittoaika varattu: {when}", $"Telefontid bokad: {when}", $"Call-back reserved: {when}");

    private static string Intro(Language l) => T(l,
        "Lastenvalvoja soittaa sinulle varaamanasi aikana.",
        "Barnatillsyningsmannen ringer dig vid den tid du bokat.",
        "A child supervisor will phone you at the time you reserved.");

    private static string NumberLabel(Language l) => T(l, "Soitamme numeroon", "Vi ringer till numret", "We will call");
    private static string ReferenceLabel(Language l) => T(l, "Viite", "Referens", "Reference");
    private static string CancelLabel(Language l) => T(l, "Jos aika ei sovi, peru se täältä", "Om tiden inte passar, avboka den här",
        "If the time does not suit you, cancel it here");
    private static string CallUs(Language l) => T(l, "Jos haluat muuttaa aikaa, soita toimistosihteerille puhelinaikana ja kerro viite.",
        "Om du vill ändra tiden, ring byråsekreteraren under telefontiden och uppge referensen.",
        "To change the time, call the office secretary during the phone hours and give the reference.");

    /// <summary>One SMS (kept short: about two 160-character parts with the link).</summary>
    public static string Sms(CallBackConfirmationFacts f)
    {
        var w = EmailWords.For(f.Language);
        var text = new StringBuilder();
        text.Append(T(f.Language, "Soittoaika", "Telefontid", "Call-back")).Append(": ").Append(w.ShortTime(f.Start)).Append(". ");
        text.Append(NumberLabel(f.Language)).Append(' ').Append(CallBackConfirmation.AsTyped(f.Phone)).Append(". ");
        text.Append(ReferenceLabel(f.Language)).Append(' ').Append(f.Reference).Append('.');
        if (f.CancelUrl is not null) text.Append(' ').Append(T(f.Language, "Peru", "Avboka", "Cancel")).Append(": ").Append(f.CancelUrl);
        text.Append(" – ").Append(f.Unit.Name);
        return text.ToString();
    }

    public static ComposedEmail Email(CallBackConfirmationFacts f, string messageId)
    {
        var w = EmailWords.For(f.Language);
        var when = w.Time(f.Start, f.End);
        var greeting = string.IsNullOrWhiteSpace(f.Name) ? w.GreetingNoName : string.Format(w.Greeting, f.Name);
        var phone = CallBackConfirmation.AsTyped(f.Phone);
        var subject = Subject(f.Language, w.ShortTime(f.Start));

        var text = new StringBuilder();
        text.Append(greeting).Append("\n\n").Append(Intro(f.Language)).Append("\n\n");
        text.Append(w.When).Append(": ").Append(when).Append('\n');
        text.Append(NumberLabel(f.Language)).Append(": ").Append(phone).Append('\n');
        text.Append(ReferenceLabel(f.Language)).Append(": ").Append(f.Reference).Append("\n\n");
        if (f.CancelUrl is not null) text.Append(CancelLabel(f.Language)).Append(":\n").Append(f.CancelUrl).Append("\n\n");
        text.Append(CallUs(f.Language)).Append("\n\n");
        text.Append(w.Closing).Append('\n').Append(UnitSignature.Text(f.Unit, f.Language)).Append("\n\n").Append(w.Automatic).Append('\n');

        static string H(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"{EmailComposer.LanguageTag(f.Language)}\"><head><meta charset=\"utf-8\"><title>{H(subject)}</title></head><body>");
        html.Append($"<p>{H(greeting)}</p><p>{H(Intro(f.Language))}</p><table>");
        html.Append($"<tr><th scope=\"row\" align=\"left\">{H(w.When)}</th><td>{H(when)}</td></tr>");
        html.Append($"<tr><th scope=\"row\" align=\"left\">{H(NumberLabel(f.Language))}</th><td>{H(phone)}</td></tr>");
        html.Append($"<tr><th scope=\"row\" align=\"left\">{H(ReferenceLabel(f.Language))}</th><td>{H(f.Reference)}</td></tr></table>");
        if (f.CancelUrl is not null) html.Append($"<p><a href=\"{H(f.CancelUrl)}\">{H(CancelLabel(f.Language))}</a></p>");
        html.Append($"<p>{H(CallUs(f.Language))}</p>");
        html.Append($"<p>{H(w.Closing)}<br>{UnitSignature.Html(f.Unit, f.Language, H)}</p><p><small>{H(w.Automatic)}</small></p></body></html>");
        return new ComposedEmail(f.Email, subject, text.ToString(), html.ToString(), messageId, EmailComposer.LanguageTag(f.Language), []);
    }
}
