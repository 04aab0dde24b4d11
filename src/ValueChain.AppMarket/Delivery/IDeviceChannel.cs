namespace ValueChain.AppMarket;

/// <summary>
/// How the IoT manager reaches a device agent: hands over an order with the verified binary and gets the device's
/// signed report back. MQTT in the field; in process for samples and tests.
/// </summary>
public interface IDeviceChannel
{
    /// <summary>Delivers <paramref name="order"/> with <paramref name="binary"/> and returns the device's signed report of the outcome.</summary>
    Task<SignedInstallReport> DeliverAsync(DeliveryOrder order, ReadOnlyMemory<byte> binary, CancellationToken cancellationToken = default);
}
