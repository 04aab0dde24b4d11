using System.Diagnostics;
using System.Diagnostics.Metrics;
using MQTTnet;

namespace ValueChain.Mqtt;

/// <summary>
/// MQTT deliveries through <c>System.Diagnostics</c>: the activity source and meter <see cref="Name"/>, a
/// <c>valuechain.mqtt.publish</c> span per message published with <see cref="PublishAsync"/>, and counters of the
/// messages and bytes published, refused and received. Collect them with <c>AddSource("ValueChain.Mqtt")</c> and
/// <c>AddMeter("ValueChain.Mqtt")</c>.
/// </summary>
public static class MqttTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "ValueChain.Mqtt";

    /// <summary>The span name of a message published.</summary>
    public const string PublishSpan = "valuechain.mqtt.publish";

    /// <summary>Counter: messages the broker took.</summary>
    public const string Published = "valuechain.mqtt.messages.published";

    /// <summary>Counter: messages the broker refused or that could not be sent.</summary>
    public const string PublishFailed = "valuechain.mqtt.messages.failed";

    /// <summary>Counter: messages delivered to this client.</summary>
    public const string Received = "valuechain.mqtt.messages.received";

    /// <summary>Counter (bytes): payload bytes published.</summary>
    public const string BytesPublished = "valuechain.mqtt.bytes.published";

    private static readonly ActivitySource Source = new(Name, typeof(MqttTelemetry).Assembly.GetName().Version?.ToString());
    private static readonly Meter Meter = new(Name, typeof(MqttTelemetry).Assembly.GetName().Version?.ToString());
    private static readonly Counter<long> PublishedCount = Meter.CreateCounter<long>(Published, "{message}", "Messages the broker took.");
    private static readonly Counter<long> FailedCount = Meter.CreateCounter<long>(PublishFailed, "{message}", "Messages refused by the broker or not sent.");
    private static readonly Counter<long> ReceivedCount = Meter.CreateCounter<long>(Received, "{message}", "Messages delivered to this client.");
    private static readonly Counter<long> Bytes = Meter.CreateCounter<long>(BytesPublished, "By", "Payload bytes published.");

    /// <summary>Publishes <paramref name="message"/> with <paramref name="client"/> in a producer span (OpenTelemetry's messaging attributes), counting it as published or failed; the answer and any exception pass through, except that a publish cancelled by <paramref name="cancellationToken"/> always ends in <see cref="OperationCanceledException"/>.</summary>
    public static async Task<MqttClientPublishResult> PublishAsync(IMqttClient client, MqttApplicationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(message);
        using Activity? span = Source.StartActivity(PublishSpan, ActivityKind.Producer);
        span?.SetTag("messaging.system", "mqtt");
        span?.SetTag("messaging.operation.type", "send");
        span?.SetTag("messaging.destination.name", message.Topic);
        span?.SetTag("messaging.message.body.size", message.Payload.Length);
        span?.SetTag("messaging.mqtt.qos", (int)message.QualityOfServiceLevel);
        try
        {
            MqttClientPublishResult result = await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                PublishedCount.Add(1);
                Bytes.Add(message.Payload.Length);
            }
            else
            {
                FailedCount.Add(1, new KeyValuePair<string, object?>("error.type", result.ReasonCode.ToString()));
                span?.SetTag("error.type", result.ReasonCode.ToString());
                span?.SetStatus(ActivityStatusCode.Error, result.ReasonString);
            }

            return result;
        }
        catch (MQTTnet.Exceptions.MqttCommunicationTimedOutException e) when (cancellationToken.IsCancellationRequested)
        {
            // MQTTnet fails a request that the caller cancels with its time-out exception; a host that stops is not a
            // failed delivery, so the caller gets the cancellation it asked for.
            throw new OperationCanceledException("The publish was cancelled.", e, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            FailedCount.Add(1, new KeyValuePair<string, object?>("error.type", e.GetType().FullName));
            span?.SetTag("error.type", e.GetType().FullName);
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
    }

    /// <summary>Counts a message delivered to this client (call it from the client's message handler).</summary>
    public static void RecordReceived(MqttApplicationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ReceivedCount.Add(1);
    }
}
