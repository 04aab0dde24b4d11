namespace ValueChain.Ledger.Fabric;

/// <summary>
/// Ledger time on Fabric is the timestamp the submitting client puts in its proposal; this control
/// moves a <see cref="FabricClient"/>'s timestamps forward, for tests and simulations on networks
/// that the user runs for that purpose. It never moves them back.
/// </summary>
public sealed class FabricTimeControl : ILedgerTimeControl
{
    private readonly FabricClient _client;
    private readonly Lock _lock = new();

    /// <summary>Controls the timestamps of <paramref name="client"/>.</summary>
    public FabricTimeControl(FabricClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc />
    public Task<DateTimeOffset> GetTimeAsync(CancellationToken cancellationToken = default) => Task.FromResult(_client.Now());

    /// <inheritdoc />
    public Task AdvanceAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        lock (_lock)
        {
            _client.TimeOffset += duration;
        }

        return Task.CompletedTask;
    }
}
