// Finds every event class and its stable [EventName]; Marten stores that name as the event's type, so a class rename
// never breaks a stored stream.
using System.Reflection;
using Booking.Domain.EventSourcing;

namespace Booking.Api.Storage;

public sealed class EventTypeRegistry
{
    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<Type> _named = [];

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
            _named.Add(type);
        }
    }

    public IReadOnlyDictionary<string, Type> Events => _byName;

    public bool IsNamed(Type eventType) => _named.Contains(eventType);

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.OfType<Type>(); }
    }
}
