using MQTTnet;
using MQTTnet.Formatter;

namespace ValueChain.Mqtt;

/// <summary>Where a broker listens. <see cref="ClientOptions"/> turns it and an account into MQTTnet's client options for MQTT v5.</summary>
/// <param name="Host">The broker's host name or address.</param>
/// <param name="Port">The broker's TCP port.</param>
public sealed record MqttBrokerEndpoint(string Host, int Port)
{
    /// <summary>The MQTT v5 client options for <paramref name="clientId"/> connecting as <paramref name="account"/> (anonymous when null).</summary>
    /// <param name="clientId">The client identifier; a broker drops an older session of the same id.</param>
    /// <param name="account">The credentials, or null for a broker that allows anonymous clients.</param>
    /// <param name="cleanStart">False to resume the session the broker keeps for <paramref name="clientId"/> (its subscriptions and queued messages).</param>
    public MqttClientOptions ClientOptions(string clientId, MqttAccount? account, bool cleanStart = true)
    {
        MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
            .WithTcpServer(Host, Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(cleanStart);
        if (!cleanStart)
        {
            // A session the broker keeps for an hour across reconnects, so QoS 1 messages sent while a client was away reach it.
            builder = builder.WithSessionExpiryInterval(3600);
        }

        return account is null ? builder.Build() : builder.WithCredentials(account.Username, account.Password).Build();
    }
}
