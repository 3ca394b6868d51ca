// The repository's own source, for the tests that read it (structure rules a search can check).
namespace Booking.Domain.Tests.Support;

public static class SourceTree
{
    public static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "Booking.Domain")) && Directory.Exists(Path.Combine(dir.FullName, "Booking.Api")))
                return dir.FullName;
        throw new DirectoryNotFoundException("The repository (Booking.Domain beside Booking.Api) was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The C# and Razor files of <paramref name="projects"/> (not bin/ or obj/), as paths relative to the root with
    /// forward slashes.</summary>
    public static IEnumerable<string> Files(params string[] projects) =>
        from project in projects
        from file in Directory.EnumerateFiles(Path.Combine(Root, project), "*", SearchOption.AllDirectories)
        let relative = Path.GetRelativePath(Root, file).Replace('\\', '/')
        where (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".razor", StringComparison.Ordinal))
              && !relative.Contains("/bin/", StringComparison.Ordinal) && !relative.Contains("/obj/", StringComparison.Ordinal)
        orderby relative
        select relative;

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));
}
