// Input the endpoints never see: a body that is not JSON, a value of the wrong type, a wrong content type, a body too
// large. The framework refuses these before a handler runs; here they become the same field-named problem documents as
// a handler's own 400, in every environment, instead of a 500 (Development) or a 400 that names nothing (Production).
using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Booking.Domain.Appointments;
using Booking.Domain;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Booking.Api.Errors;

public static partial class RequestProblems
{
    /// <summary>The largest request body accepted; no request of this service comes near it.</summary>
    public const long MaxBodyBytes = 10 * 1024 * 1024;

    private const string TooLargeDetail = "The request body may be at most 10 MB.";

    private const string UnsupportedMediaTypeDetail = "Send the body as JSON with the header Content-Type: application/json.";

    private static Dictionary<string, string[]> UnsupportedMediaTypeFields =>
        new() { ["Content-Type"] = ["Content-Type must be application/json."] };

    public static IServiceCollection AddRequestProblems(this IServiceCollection services)
    {
        // Throwing is what lets one place answer with the field; without it the framework writes a bare 400 itself.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => ConfigureInput(o.SerializerOptions));
        // A wrong content type is answered by the framework itself (no exception), through the status code pages.
        // So is a body that turns out too large while it is read (a chunked one, without Content-Length).
        services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                problem.Detail = UnsupportedMediaTypeDetail;
                problem.Extensions["code"] = "unsupported_media_type";
                problem.Extensions["errors"] = UnsupportedMediaTypeFields;
            }
            else if (problem.Status == StatusCodes.Status413PayloadTooLarge)
            {
                problem.Detail = TooLargeDetail;
                problem.Extensions["code"] = "body_too_large";
            }
        });
        return services;
    }

    /// <summary>Input rules on the HTTP layer's JSON: enums by their names only (not numbers), no control characters in text.</summary>
    public static void ConfigureInput(JsonSerializerOptions options)
    {
        // First in the list wins: this enum converter is found before any other one added for output.
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Insert(0, new CleanTextConverter());
    }

    /// <summary>Refuses a body over <see cref="MaxBodyBytes"/> before anything reads it, and caps what a chunked body may send.</summary>
    public static async Task LimitBodySize(HttpContext context, Func<Task> next)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await Write(context, StatusCodes.Status413PayloadTooLarge, "body_too_large", "Request body too large", TooLargeDetail);
            return;
        }
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        await next();
    }

    /// <summary>NUL and other control characters in a query, the path or a page's form field: PostgreSQL would refuse NUL with
    /// an error (a 500), so they are refused here, naming the field, before any door reads them. JSON bodies are checked by
    /// their text converter, where the field's path is known.</summary>
    public static async Task RefuseControlCharacters(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        var field = ClientInput.HasControlCharacters(request.Path.Value) ? "path" : null;
        foreach (var (key, values) in request.Query)
            if (field is null && (ClientInput.HasControlCharacters(key) || values.Any(v => ClientInput.HasControlCharacters(v))))
                field = ClientInput.HasControlCharacters(key) ? "query" : key;
        if (field is null && request.HasFormContentType)
        {
            request.EnableBuffering();
            try
            {
                var form = await request.ReadFormAsync(context.RequestAborted);
                foreach (var (key, values) in form)
                    if (field is null && (ClientInput.HasControlCharacters(key) || values.Any(v => ClientInput.HasControlCharacters(v, multiline: true))))
                        field = ClientInput.HasControlCharacters(key) ? "body" : key;
                if (field is null && BadChoiceOnPage(context.GetEndpoint(), form) is { } bad)
                {
                    await Problems.From(Refusal.InvalidField(bad.Field, bad.Message)).ExecuteAsync(context);
                    return;
                }
            }
            catch (InvalidDataException)
            {
                // The form reader refuses NUL itself, without saying where: find the field in the raw form.
                field = await FieldWithControlCharacters(request) ?? "body";
            }
        }
        if (field is null)
        {
            await next();
            return;
        }
        await Problems.From(Refusal.InvalidField(field, field == "body"
            ? "The form could not be read: it holds control characters or broken escapes."
            : $"{field} must not contain control characters.")).ExecuteAsync(context);
    }

    /// <summary>A page's form binder reads an enum with Enum.TryParse, which takes "5" and "fi,sv"; and a checkbox or number in
    /// a row that it cannot read leaves the whole list of rows out, so the page fails while drawing them. The page's form
    /// models say which fields are enums, booleans and numbers, in rows too ("Form.Kinds[0].Phone"), and those must hold one.</summary>
    private static (string Field, string Message)? BadChoiceOnPage(Endpoint? endpoint, IFormCollection form)
    {
        if (endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>()?.Type is not { } page) return null;
        foreach (var model in page.GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
        {
            if (model.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.SupplyParameterFromFormAttribute), true).FirstOrDefault()
                is not Microsoft.AspNetCore.Components.SupplyParameterFromFormAttribute supplied) continue;
            var prefix = (supplied.Name ?? model.Name) + ".";
            foreach (var (key, values) in form)
            {
                if (!key.StartsWith(prefix, StringComparison.Ordinal) || FieldType(model.PropertyType, key[prefix.Length..]) is not { } type) continue;
                foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
                {
                    if (type.IsEnum && !ClientInput.IsNameOf(type, value))
                        return (key, $"{key} must be one of: {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName))}.");
                    if (type == typeof(bool) && !bool.TryParse(value, out _)) return (key, $"{key} must be true or false.");
                    if (type == typeof(int) && !int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _))
                        return (key, $"{key} must be a whole number.");
                }
            }
        }
        return null;
    }

    /// <summary>The declared type of a form field's path in the model ("Kinds[0].Phone"), or null when the model has none.</summary>
    private static Type? FieldType(Type type, string path)
    {
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[');
            if (type.GetProperty(bracket < 0 ? part : part[..bracket]) is not { } property) return null;
            type = property.PropertyType;
            if (bracket >= 0)
            {
                if (type.IsArray) type = type.GetElementType()!;
                else if (type.IsGenericType && type.GetGenericArguments() is [var item]) type = item;
                else return null;
            }
            type = Nullable.GetUnderlyingType(type) ?? type;
        }
        return type;
    }

    private static async Task<string?> FieldWithControlCharacters(HttpRequest request)
    {
        if (!request.HasFormContentType || request.ContentType?.Contains("urlencoded", StringComparison.OrdinalIgnoreCase) != true) return null;
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        foreach (var pair in text.Split('&'))
        {
            var parts = pair.Split('=', 2);
            var key = Decode(parts[0]);
            if (ClientInput.HasControlCharacters(key)) return "body";
            if (parts.Length == 2 && ClientInput.HasControlCharacters(Decode(parts[1]), multiline: true)) return key;
        }
        return null;

        static string Decode(string part)
        {
            try { return Uri.UnescapeDataString(part.Replace('+', ' ')); }
            catch (UriFormatException) { return "\0"; }
        }
    }

    /// <summary>Writes the problem for a request the framework refused; false when the error is not one of those.</summary>
    public static async Task<bool> TryWrite(HttpContext context, Exception? error, Endpoint? endpoint)
    {
        if (error is not BadHttpRequestException bad) return false;
        switch (bad.StatusCode)
        {
            case StatusCodes.Status413PayloadTooLarge:
                await Write(context, bad.StatusCode, "body_too_large", "Request body too large", TooLargeDetail);
                return true;
            case StatusCodes.Status415UnsupportedMediaType:
                await Write(context, bad.StatusCode, "unsupported_media_type", "Unsupported Media Type", UnsupportedMediaTypeDetail,
                    UnsupportedMediaTypeFields);
                return true;
            case StatusCodes.Status400BadRequest:
                var (field, message) = bad.InnerException is JsonException json ? Describe(json, endpoint) : Describe(bad);
                await Problems.From(Refusal.Invalid(new Dictionary<string, string[]> { [field] = [message] })).ExecuteAsync(context);
                return true;
            default:
                await Write(context, bad.StatusCode, "bad_request", "Bad request", "The request could not be read.");
                return true;
        }
    }

    private static (string Field, string Message) Describe(JsonException error, Endpoint? endpoint)
    {
        var path = FieldOf(error.Path);
        if (error is TextRefused refused) return (path ?? "body", $"{path ?? "body"} {refused.Message}");
        // A reader error is broken JSON (the type of the field does not matter then); anything else is a value of the wrong type.
        if (error.InnerException is JsonException || error.Path is null)
            return ("body", $"The body is not valid JSON (line {error.LineNumber + 1}, position {error.BytePositionInLine + 1}).");
        var requestType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var expected = requestType is null ? null : TypeAt(requestType, error.Path);
        return (path ?? "body", $"{path ?? "The body"} {Expectation(expected)}");
    }

    private static (string Field, string Message) Describe(BadHttpRequestException error)
    {
        // The framework's messages name the parameter as "Type name"; that name is the query, route or header field.
        var match = ParameterPattern().Match(error.Message);
        var field = match.Success ? match.Groups["name"].Value : "request";
        return (field, match.Success && error.Message.StartsWith("Required", StringComparison.Ordinal)
            ? $"{field} is required."
            : $"{field} is not valid.");
    }

    [GeneratedRegex("parameter \"[^\"]*? (?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterPattern();

    /// <summary>"$.client.name" as the field name the 400 uses ("client.name"); null for the body as a whole.</summary>
    private static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return null;
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? null : field;
    }

    /// <summary>The declared type at a JSON path in the request's type, or null when the path leaves what can be known.</summary>
    private static Type? TypeAt(Type root, string path)
    {
        var type = root;
        foreach (Match step in PathStep().Matches(path))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (step.Groups["index"].Success)
            {
                type = ElementOf(type);
            }
            else
            {
                var name = step.Groups["name"].Success ? step.Groups["name"].Value : step.Groups["quoted"].Value;
                if (ElementOf(type) is { } element && typeof(IDictionary).IsAssignableFrom(type)) { type = element; continue; }
                type = type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            }
            if (type is null) return null;
        }
        return type;
    }

    [GeneratedRegex(@"\.(?<name>[A-Za-z0-9_]+)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();

    private static Type? ElementOf(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType || type == typeof(string)) return null;
        var arguments = type.GetGenericArguments();
        return typeof(IEnumerable).IsAssignableFrom(type) ? arguments[^1] : null;
    }

    private static string Expectation(Type? type)
    {
        if (type is null) return "is not valid here.";
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "must be a string.";
        if (type == typeof(bool)) return "must be true or false.";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return "must be a whole number.";
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return "must be a number.";
        if (type == typeof(Guid)) return "must be an id such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301.";
        if (type == typeof(LocalDate)) return "must be a date like 2026-11-24.";
        if (type == typeof(LocalTime)) return "must be a time like 09:30.";
        if (type == typeof(LocalDateTime)) return "must be a local date and time like 2026-11-24T09:30.";
        if (type == typeof(Instant)) return "must be an instant like 2026-11-24T07:30:00Z.";
        if (type == typeof(Duration)) return "must be a duration like 0:30:00.";
        if (type.IsEnum) return $"must be one of: {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName))}.";
        if (ElementOf(type) is not null) return typeof(IDictionary).IsAssignableFrom(type) ? "must be an object." : "must be a list.";
        return "must be an object.";
    }

    private static async Task Write(HttpContext context, int status, string code, string title, string detail,
        Dictionary<string, string[]>? fields = null)
    {
        var problem = fields is null ? new ProblemDetails() : new HttpValidationProblemDetails(fields);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = $"https://httpstatuses.io/{status}";
        problem.Extensions["code"] = code;
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }

    /// <summary>A string value refused for what it holds; its message reads after the field name.</summary>
    private sealed class TextRefused(string message) : JsonException(message);

    /// <summary>Text in any JSON request: free text may break lines, but no field may hold NUL or other control characters.</summary>
    private sealed class CleanTextConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException();
            var text = reader.GetString();
            return ClientInput.ControlCharacterProblem(text, multiline: true) is { } problem ? throw new TextRefused(problem) : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
