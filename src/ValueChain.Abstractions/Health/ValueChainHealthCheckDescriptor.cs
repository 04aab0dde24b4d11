namespace ValueChain;

/// <summary>
/// A health check a driver offers, registered by its <c>Use…</c> call and added to the host's health checks by
/// <c>AddValueChainHealthChecks()</c>; the check itself is resolved from the container.
/// </summary>
/// <param name="Name">The check's name in health reports, for example <c>valuechain-ethereum</c>.</param>
/// <param name="CheckType">The registered service that implements <c>IHealthCheck</c>.</param>
public sealed record ValueChainHealthCheckDescriptor(string Name, Type CheckType);
