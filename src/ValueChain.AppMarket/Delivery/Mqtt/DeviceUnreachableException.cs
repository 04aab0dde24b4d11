namespace ValueChain.AppMarket;

/// <summary>A device did not report the outcome of a delivery within the delivery timeout; nothing was recorded on the ledger.</summary>
public sealed class DeviceUnreachableException : ValueChainException
{
    /// <summary>Creates the error for <paramref name="deviceId"/> after <paramref name="waited"/>.</summary>
    public DeviceUnreachableException(string deviceId, TimeSpan waited)
        : base(AppMarketErrorCodes.DeviceUnreachable, $"Device {deviceId} did not report the outcome of its delivery within {waited.TotalSeconds:0.#} s.")
    {
        DeviceId = deviceId;
    }

    /// <summary>The device that did not answer.</summary>
    public string DeviceId { get; }
}
