using System.Reflection;

namespace ValueChain.Conformance.Tests;

/// <summary>Which application suite runs on which driver, read from the types of the driver test assemblies.</summary>
internal static class ConformanceMatrix
{
    /// <summary>The application suites: the abstract classes deriving directly from <see cref="ApplicationConformance"/>.</summary>
    public static IReadOnlyList<Type> Suites() =>
        [.. typeof(ApplicationConformance).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.BaseType == typeof(ApplicationConformance))
            .OrderBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>Every (suite, driver) pair that no concrete subclass marked with <see cref="ConformanceDriverAttribute"/> covers.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<Type> suites, IEnumerable<Type> candidates)
    {
        List<(Type Type, ConformanceDriver Driver)> runs = [.. candidates
            .Where(t => !t.IsAbstract && t.GetCustomAttribute<ConformanceDriverAttribute>() is not null)
            .Select(t => (t, t.GetCustomAttribute<ConformanceDriverAttribute>()!.Driver))];
        return [.. from suite in suites
            from driver in Enum.GetValues<ConformanceDriver>()
            where !runs.Any(r => r.Driver == driver && suite.IsAssignableFrom(r.Type))
            select $"{suite.Name} on {driver}"];
    }
}
