namespace ValueChain.Conformance;

/// <summary>
/// The base of every application's scenario suite. Each suite must run on every driver: the conformance
/// matrix test fails when a suite lacks a concrete subclass marked <see cref="ConformanceDriverAttribute"/>
/// for one of the <see cref="ConformanceDriver"/> values.
/// </summary>
public abstract class ApplicationConformance
{
    /// <summary>
    /// Skips the calling test, with the reason, when the driver cannot run here (no live Fabric network).
    /// Property tests call it before sampling, where a skip from inside a sample would read as a failure.
    /// </summary>
    protected virtual void RequireDriver()
    {
    }
}
