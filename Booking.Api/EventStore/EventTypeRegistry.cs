// Maps events to their stable [EventName] names and back, so a class rename never breaks a stored stream.
using System.Reflection;
using System.Text.Json;
using Booking.Api.Json;
using Booking.Domain.EventSourcing;

namespace Booking.Api.EventStore;

public sealed class EventTypeRegistry
{
    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byType = new();

    /// <summary>Registers every class carrying [EventName]; two classes claiming one name is a start-up error.</summary>
    public EventTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        foreach (var type in assemblies.Distinct().SelectMany(LoadableTypes))
        {
            if (type.GetCustomAttribute<EventNameAttribute>() is not { } attribute) continue;
            if (_byName.TryGetValue(attribute.Name, out var existing))
                throw new InvalidOperationException(
                    $"Event name '{attribute.Name}' is used by both {existing.FullName} and {type.FullName}; event names must be unique.");
            _byName[attribute.Name] = type;
            _byType[type] = attribute.Name;
        }
    }

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public string NameOf(Type eventType) =>
        _byType.TryGetValue(eventType, out var name)
            ? name
            : throw new InvalidOperationException(
                $"{eventType.FullName} has no [EventName] attribute (or its assembly was not given to AddEventStore), so it cannot be stored.");

    public Type TypeOf(string eventName) =>
        _byName.TryGetValue(eventName, out var type)
            ? type
            : throw new InvalidOperationException(
                $"The stored event name '{eventName}' matches no class with [EventName(\"{eventName}\")] in the registered assemblies.");

    public string Serialize(object @event) => JsonSerializer.Serialize(@event, @event.GetType(), BookingJson.Options);

    public object Deserialize(string eventName, string json) =>
        JsonSerializer.Deserialize(json, TypeOf(eventName), BookingJson.Options)
        ?? throw new InvalidOperationException($"Event '{eventName}' was stored as JSON null.");

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.OfType<Type>(); }
    }
}
