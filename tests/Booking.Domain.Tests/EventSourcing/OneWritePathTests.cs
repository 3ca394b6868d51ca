// The service's code keeps one write path: sessions are opened and lost races caught only by the write runner, and a
// booking request and the lead-time rule are built only in the domain, never again in an endpoint or a page. Read from
// the source, so that a second copy fails here the day it is written.
using System.Text.RegularExpressions;
using Booking.Domain.Tests.Support;

namespace Booking.Domain.Tests.EventSourcing;

public class OneWritePathTests
{
    /// <summary>The service's own source files (C# and Razor) that contain <paramref name="pattern"/>, relative to the root.</summary>
    private static List<string> FilesWith(string pattern)
    {
        var regex = new Regex(pattern);
        return SourceTree.Files("Booking.Domain", "Booking.Api", "Booking.Kiosk").Where(f => regex.IsMatch(SourceTree.Read(f))).ToList();
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
