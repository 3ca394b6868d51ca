// The service's code keeps one write path: sessions are opened and lost races caught only by the write runner, and a
// booking request and the lead-time rule are built only in the domain, never again in an endpoint or a page. Read from
// the source, so that a second copy fails here the day it is written.
using System.Text.RegularExpressions;

namespace Booking.Domain.Tests.EventSourcing;

public class OneWritePathTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "Booking.Domain")) && Directory.Exists(Path.Combine(dir.FullName, "Booking.Api")))
                return dir.FullName;
        throw new DirectoryNotFoundException("The repository (Booking.Domain beside Booking.Api) was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The service's own source files (C# and Razor) that contain <paramref name="pattern"/>, relative to the root.</summary>
    private static List<string> FilesWith(string pattern)
    {
        var regex = new Regex(pattern);
        return (from project in new[] { "Booking.Domain", "Booking.Api", "Booking.Kiosk" }
                from file in Directory.EnumerateFiles(Path.Combine(Root, project), "*", SearchOption.AllDirectories)
                let relative = Path.GetRelativePath(Root, file).Replace('\\', '/')
                where (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".razor", StringComparison.Ordinal))
                      && !relative.Contains("/bin/", StringComparison.Ordinal) && !relative.Contains("/obj/", StringComparison.Ordinal)
                      && regex.IsMatch(File.ReadAllText(file))
                select relative).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void The_source_is_found_and_read()
    {
        // The searches below prove nothing if they read nothing.
        Assert.Contains("Booking.Domain/EventSourcing/WriteRunner.cs", FilesWith(@"class WriteRunner\b"));
    }

    [Fact]
    public void Only_the_write_runner_catches_a_lost_race_or_opens_a_session()
    {
        Assert.Equal(["Booking.Domain/EventSourcing/WriteRunner.cs"], FilesWith(@"catch\s*\(\s*(\w+\.)*ConcurrencyException\b"));
        Assert.Equal(["Booking.Domain/EventSourcing/WriteRunner.cs"], FilesWith(@"\.OpenSession\("));
    }

    [Fact]
    public void Booking_requests_and_the_lead_time_rule_are_built_only_in_the_domain()
    {
        Assert.All(FilesWith(@"new\s+BookingRequest\("), file => Assert.StartsWith("Booking.Domain/", file));
        Assert.All(FilesWith(@"LeadTime\.Assess\("), file => Assert.StartsWith("Booking.Domain/", file));
        Assert.NotEmpty(FilesWith(@"new\s+BookingRequest\("));
    }
}
