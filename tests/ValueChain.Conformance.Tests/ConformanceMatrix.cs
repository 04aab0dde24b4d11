using System.Reflection;
using ValueChain.Conformance.Flexibility;
using ValueChain.Conformance.Traceability;

namespace ValueChain.Conformance.Tests;

/// <summary>Which application suite runs on which driver, read from the types of the driver test assemblies.</summary>
internal static class ConformanceMatrix
{
    /// <summary>The application suites: the abstract classes deriving directly from <see cref="ApplicationConformance"/>.</summary>
    public static IReadOnlyList<Type> Suites() =>
        [.. typeof(ApplicationConformance).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.BaseType == typeof(ApplicationConformance))
            .OrderBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>
    /// Whether <paramref name="suite"/> must run on <paramref name="driver"/>: every suite on the embedded ledger, anvil
    /// and live Fabric; Traceability and Flexibility on hardhat too; Traceability, whose contracts relied on transient
    /// storage until they were built for Shanghai as well, on a Shanghai-configured hardhat with the Shanghai artefacts.
    /// </summary>
    public static bool Required(Type suite, ConformanceDriver driver) => driver switch
    {
        ConformanceDriver.Hardhat => suite == typeof(TraceabilityConformance) || suite == typeof(FlexibilityConformance),
        ConformanceDriver.ShanghaiHardhat => suite == typeof(TraceabilityConformance),
        _ => true,
    };

    /// <summary>Every required (suite, driver) pair that no concrete subclass marked with <see cref="ConformanceDriverAttribute"/> covers.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<Type> suites, IEnumerable<Type> candidates)
    {
        List<(Type Type, ConformanceDriver Driver)> runs = [.. candidates
            .Where(t => !t.IsAbstract && t.GetCustomAttribute<ConformanceDriverAttribute>() is not null)
            .Select(t => (t, t.GetCustomAttribute<ConformanceDriverAttribute>()!.Driver))];
        return [.. from suite in suites
            from driver in Enum.GetValues<ConformanceDriver>()
            where Required(suite, driver)
            where !runs.Any(r => r.Driver == driver && suite.IsAssignableFrom(r.Type))
            select $"{suite.Name} on {driver}"];
    }
}
