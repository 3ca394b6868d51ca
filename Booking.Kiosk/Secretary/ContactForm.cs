// A logged contact as the secretary's forms post it (the console's first contact, the family page's later contact), read
// into the domain's ContactRequest. Only the shape is checked here (a choice was made, a value parses); the rules on the
// details are the domain's own (ParentDetails.Validate, FamilyUseCases.LogContact), their English messages become the
// page language's. Errors are keyed by the id of the field they belong to, so the summary can link to it.
using Booking.Domain;
using Booking.Domain.Configuration;
using Booking.Domain.Secretary;
using Booking.Kiosk.Localization;

namespace Booking.Kiosk.Secretary;

public sealed class ContactForm
{
    /// <summary>Made when the console's form is first shown: a double submit finds the family already logged.</summary>
    public Guid FamilyId { get; set; }
    public string? Channel { get; set; }
    public string? Matter { get; set; }
    public string? Parent { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Language { get; set; }
    public string? OtherRole { get; set; }
    public string? OtherName { get; set; }
    public string? OtherPhone { get; set; }
    public string? OtherEmail { get; set; }
    public string? OtherLanguage { get; set; }

    public bool HasDetails => !Blank(Name) || !Blank(Phone) || !Blank(Email);
    public bool HasOtherDetails => !Blank(OtherName) || !Blank(OtherPhone) || !Blank(OtherEmail);

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}

public static class ContactForms
{
    /// <summary>The order of the fields on the form, for the error summary.</summary>
    public static readonly string[] Order =
        ["channel", "matter", "parent", "name", "phone", "email", "otherRole", "otherName", "otherPhone", "otherEmail"];

    /// <summary>The id of a field's input (a radio group's first radio), used as the key of its error.</summary>
    public static string Anchor(string prefix, string field) => field switch
    {
        "channel" => $"{prefix}-channel-{ContactChannel.Phone}",
        "parent" => $"{prefix}-parent-{ParentRole.Mother}",
        "otherRole" => $"{prefix}-otherRole-{ParentRole.Mother}",
        _ => $"{prefix}-{field}",
    };

    public static T? ParseEnum<T>(string? value) where T : struct, Enum =>
        Booking.Domain.ClientInput.TryEnum<T>(value, out var parsed) ? parsed : null;

    /// <summary>Reads the form into a request, or the errors of its fields (every one at once).</summary>
    /// <param name="detailsRequired">A first contact needs the contacting parent's details; a later one only for a parent
    /// the family does not have yet.</param>
    public static (ContactRequest? Request, Dictionary<string, string> Errors) Read(ContactForm form, string prefix, UnitConfiguration config,
        Texts t, bool detailsRequired)
    {
        var fields = new Dictionary<string, string>();
        var channel = ParseEnum<ContactChannel>(form.Channel);
        if (channel is null) fields["channel"] = t.ErrorContactChannel;
        var matter = form.Matter?.Trim() ?? "";
        if (config.Type(matter) is null) fields["matter"] = t.ErrorContactMatter;
        var parent = ParseEnum<ParentRole>(form.Parent);
        if (parent is null) fields["parent"] = t.ErrorContactParent;

        ParentDetails? details = null;
        if (detailsRequired || form.HasDetails)
        {
            details = new ParentDetails(form.Name?.Trim() ?? "", form.Email?.Trim() ?? "", form.Phone?.Trim() ?? "",
                ParseEnum<Language>(form.Language) ?? Language.Fi);
            Describe(details.Validate("parent."), details, fields, "");
        }
        ParentDetails? other = null;
        ParentRole? otherRole = null;
        if (form.HasOtherDetails)
        {
            other = new ParentDetails(form.OtherName?.Trim() ?? "", form.OtherEmail?.Trim() ?? "", form.OtherPhone?.Trim() ?? "",
                ParseEnum<Language>(form.OtherLanguage) ?? Language.Fi);
            Describe(other.Validate("otherParent."), other, fields, "other");
            otherRole = ParseEnum<ParentRole>(form.OtherRole);
            if (otherRole is null || otherRole == parent) fields["otherRole"] = t.ErrorOtherParentRole;
        }

        var errors = Keyed(fields, prefix);
        if (errors.Count > 0) return (null, errors);
        return (new ContactRequest(channel!.Value, matter, parent!.Value, details, otherRole, other), errors);

        void Describe(Dictionary<string, string[]> found, ParentDetails d, Dictionary<string, string> into, string side)
        {
            foreach (var key in found.Keys)
            {
                var field = key[(key.IndexOf('.') + 1)..];
                var name = side.Length == 0 ? field : side + char.ToUpperInvariant(field[0]) + field[1..];
                into[name] = field switch
                {
                    "name" => t.NameProblem(d.Name, t.ErrorParentName),
                    "phone" => d.Phone.Length == 0 && d.Email.Length == 0 ? t.ErrorPhoneOrEmail : t.ErrorPhone,
                    "email" => t.ErrorEmail,
                    _ => found[key][0],
                };
            }
        }
    }

    /// <summary>The domain's field errors of LogContact in the page's language; null when a field is not one of the form's.</summary>
    public static Dictionary<string, string>? FromDomain(IReadOnlyDictionary<string, string[]> found, ContactForm form, string prefix, Texts t)
    {
        var fields = new Dictionary<string, string>();
        foreach (var key in found.Keys)
        {
            switch (key)
            {
                case "matter": fields["matter"] = t.ErrorContactMatter; break;
                case "parent.name": fields["name"] = t.NameProblem(form.Name, t.ErrorParentName); break;
                case "parent.phone": fields["phone"] = string.IsNullOrWhiteSpace(form.Phone) && string.IsNullOrWhiteSpace(form.Email) ? t.ErrorPhoneOrEmail : t.ErrorPhone; break;
                case "parent.email": fields["email"] = t.ErrorEmail; break;
                case "otherParent.name": fields["otherName"] = t.NameProblem(form.OtherName, t.ErrorParentName); break;
                case "otherParent.phone": fields["otherPhone"] = string.IsNullOrWhiteSpace(form.OtherPhone) && string.IsNullOrWhiteSpace(form.OtherEmail) ? t.ErrorPhoneOrEmail : t.ErrorPhone; break;
                case "otherParent.email": fields["otherEmail"] = t.ErrorEmail; break;
                case "otherParentRole": fields["otherRole"] = t.ErrorOtherParentRole; break;
                default: return null;
            }
        }
        return Keyed(fields, prefix);
    }

    private static Dictionary<string, string> Keyed(Dictionary<string, string> fields, string prefix) =>
        fields.OrderBy(f => Array.IndexOf(Order, f.Key)).ToDictionary(f => Anchor(prefix, f.Key), f => f.Value);
}
