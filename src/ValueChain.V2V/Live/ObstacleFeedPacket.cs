namespace ValueChain.V2V;

/// <summary>One message a feed connection received: its topic and payload, exactly as the broker delivered them.</summary>
/// <param name="Topic">The topic it was published on.</param>
/// <param name="Payload">Its bytes (empty for a cleared retained message).</param>
/// <param name="Retained">Whether the broker sent it from its retained store (published before the subscription).</param>
public sealed record ObstacleFeedPacket(string Topic, ReadOnlyMemory<byte> Payload, bool Retained);
