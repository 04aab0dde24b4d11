namespace ValueChain.Mqtt;

/// <summary>One line of an account's access-control list: a topic filter (MQTT wildcards <c>+</c> and <c>#</c> allowed) and what it allows.</summary>
/// <param name="TopicFilter">The topic filter, for example <c>appmarket/devices/press-7/#</c>.</param>
/// <param name="Access">Whether the account may read, write, or both.</param>
public sealed record MqttTopicGrant(string TopicFilter, MqttTopicAccess Access);
