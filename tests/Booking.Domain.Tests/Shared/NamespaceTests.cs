// The domain's feature namespaces depend one way: no two features use each other, directly or round a longer circle,
// and what all of them share (the root namespace: outcomes, stream ids, contacts, languages) uses no feature. Read from
// each file's `using` lines.
using System.Text.RegularExpressions;
using Booking.Domain.Tests.Support;

namespace Booking.Domain.Tests.Shared;

public class NamespaceTests
{
    /// <summary>Namespace → the Booking.Domain namespaces its files import, with the files that do.</summary>
    private static Dictionary<string, Dictionary<string, List<string>>> Uses()
    {
        var uses = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        foreach (var file in SourceTree.Files("Booking.Domain").Where(f => f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var text = SourceTree.Read(file);
            var own = Regex.Match(text, @"^namespace ([\w.]+)", RegexOptions.Multiline).Groups[1].Value;
            if (!uses.TryGetValue(own, out var used)) uses[own] = used = new(StringComparer.Ordinal);
            foreach (Match m in Regex.Matches(text, @"^using (Booking\.Domain[\w.]*);", RegexOptions.Multiline))
                if (m.Groups[1].Value != own)
                {
                    if (!used.TryGetValue(m.Groups[1].Value, out var files)) used[m.Groups[1].Value] = files = [];
                    files.Add(file);
                }
        }
        return uses;
    }

    [Fact]
    public void The_features_import_each_other_one_way_only()
    {
        var uses = Uses();
        Assert.True(uses.Count > 10, "the domain's namespaces were read");
        // A circle is a namespace reachable from itself.
        var circles = new List<string>();
        foreach (var start in uses.Keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var path = new Stack<string>();
            bool Reaches(string from)
            {
                foreach (var next in uses.GetValueOrDefault(from)?.Keys ?? Enumerable.Empty<string>())
                {
                    if (next == start) { path.Push(next); return true; }
                    if (seen.Add(next) && Reaches(next)) { path.Push(next); return true; }
                }
                return false;
            }
            if (Reaches(start)) circles.Add($"{start} -> {string.Join(" -> ", path)}");
        }
        Assert.True(circles.Count == 0, "Namespace circles:\n" + string.Join("\n", circles));
    }

    [Fact]
    public void What_every_feature_shares_imports_no_feature()
    {
        var shared = Uses().GetValueOrDefault("Booking.Domain") ?? [];
        var features = shared.Where(u => u.Key != "Booking.Domain.EventSourcing")
            .Select(u => $"{u.Key} in {string.Join(", ", u.Value)}").ToList();
        Assert.True(features.Count == 0, "The root namespace imports:\n" + string.Join("\n", features));
    }
}
