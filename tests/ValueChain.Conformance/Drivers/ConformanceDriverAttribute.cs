namespace ValueChain.Conformance;

/// <summary>Marks a concrete subclass of an application suite with the driver it runs the suite on.</summary>
/// <param name="driver">The driver.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConformanceDriverAttribute(ConformanceDriver driver) : Attribute
{
    /// <summary>The driver the suite runs on.</summary>
    public ConformanceDriver Driver { get; } = driver;
}
