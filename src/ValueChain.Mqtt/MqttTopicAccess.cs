namespace ValueChain.Mqtt;

/// <summary>What an account may do with a topic filter, as a broker's access-control list grants it.</summary>
public enum MqttTopicAccess
{
    /// <summary>Subscribe to the filter and receive what is published on it.</summary>
    Read,

    /// <summary>Publish on topics the filter matches.</summary>
    Write,

    /// <summary>Both read and write.</summary>
    ReadWrite,
}
