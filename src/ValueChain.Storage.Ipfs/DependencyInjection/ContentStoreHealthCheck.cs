using Microsoft.Extensions.Diagnostics.HealthChecks;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Kubo;
using ValueChain.Storage.Ipfs.Store;

namespace ValueChain.Storage.Ipfs;

/// <summary>
/// The content store's health: an embedded store on disk is Unhealthy when its root cannot be read or written (a
/// probe file is written, read back and deleted); a Kubo node is Unhealthy when it does not answer; Healthy otherwise.
/// Registered by <c>UseContentStore</c>; <c>AddValueChainHealthChecks()</c> adds it to the host's health checks.
/// </summary>
/// <param name="store">The store the host uses.</param>
public sealed class ContentStoreHealthCheck(IContentStore store) : IHealthCheck
{
    /// <summary>The check's name in health reports.</summary>
    public const string Name = "valuechain-content-store";

    /// <summary>Probes the store's root or asks the node.</summary>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store switch
        {
            EmbeddedContentStore { Directory: null } => HealthCheckResult.Healthy("The embedded content store is in memory."),
            EmbeddedContentStore { Directory: { } root } => await ProbeRootAsync(root, cancellationToken).ConfigureAwait(false),
            KuboContentStore kubo => await AskNodeAsync(kubo, cancellationToken).ConfigureAwait(false),
            _ => HealthCheckResult.Healthy($"{store.GetType().Name} has no check of its own."),
        };
    }

    private static async Task<HealthCheckResult> ProbeRootAsync(string root, CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, object> { ["root"] = root };
        if (!Directory.Exists(root))
        {
            return HealthCheckResult.Unhealthy($"The content store's root {root} does not exist.", data: data);
        }

        string probe = Path.Combine(root, $".health-{Guid.NewGuid():N}");
        byte[] expected = Guid.NewGuid().ToByteArray();
        try
        {
            await File.WriteAllBytesAsync(probe, expected, cancellationToken).ConfigureAwait(false);
            byte[] read = await File.ReadAllBytesAsync(probe, cancellationToken).ConfigureAwait(false);
            return read.AsSpan().SequenceEqual(expected)
                ? HealthCheckResult.Healthy($"The content store's root {root} is readable and writable.", data)
                : HealthCheckResult.Unhealthy($"The content store's root {root} returned other bytes than were written to it.", data: data);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"The content store's root {root} is not readable and writable: {e.Message}", e, data);
        }
        finally
        {
            try
            {
                File.Delete(probe);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The probe could not be written in the first place, or the root went away: the result says so.
            }
        }
    }

    private static async Task<HealthCheckResult> AskNodeAsync(KuboContentStore kubo, CancellationToken cancellationToken)
    {
        try
        {
            ContentStoreStatistics statistics = await kubo.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"The Kubo node at {kubo.Api} answers.", new Dictionary<string, object> { ["api"] = kubo.Api.ToString(), ["blocks"] = statistics.BlockCount });
        }
        catch (Exception e) when (e is ValueChainException or HttpRequestException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"The Kubo node at {kubo.Api} does not answer: {e.Message}", e);
        }
    }
}
