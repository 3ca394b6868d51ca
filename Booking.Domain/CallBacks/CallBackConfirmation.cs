// What a call-back's confirmation (email and SMS) may say and when it is still worth sending: the rules live here so
// the email and the SMS sender agree. The number an SMS gateway needs is the international form (E.164) of what the
// client typed.
using NodaTime;

namespace Booking.Domain.CallBacks;

public static class CallBackConfirmation
{
    /// <summary>Why a queued confirmation should no longer go out, or null when it should: a cancelled or closed call-back,
    /// or one whose time has come, gets nothing (a message after the call would only confuse).</summary>
    public static string? SkipReason(CallBack? callBack, Instant now) => callBack switch
    {
        null => "no such call-back",
        { Status: CallBackStatus.Cancelled } => "cancelled before sending",
        { IsOpen: false } => "the call-back is closed",
        _ when callBack.Start <= now => "the call-back time has passed",
        _ => null,
    };

    /// <summary>The number in international form (+358401234567) for an SMS gateway: a leading 00 becomes +, a national
    /// number (leading 0) gets <paramref name="countryCode"/>; null when it is no phone number at all.</summary>
    public static string? InternationalNumber(string? phone, string countryCode = "+358")
    {
        if (!ContactDetails.IsPhone(phone)) return null;
        var digits = new string(phone!.Where(char.IsAsciiDigit).ToArray());
        var trimmed = phone!.Trim();
        if (trimmed.StartsWith('+')) return "+" + digits;
        if (digits.StartsWith("00", StringComparison.Ordinal)) return "+" + digits[2..];
        if (digits.StartsWith('0')) return countryCode + digits[1..];
        return "+" + digits;
    }

    /// <summary>The number as we will call it, for the client to check: what they typed, tidied (single spaces).</summary>
    public static string AsTyped(string phone) => string.Join(' ', phone.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
