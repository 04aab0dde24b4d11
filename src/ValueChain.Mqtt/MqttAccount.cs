namespace ValueChain.Mqtt;

/// <summary>
/// A broker account: the credentials one client connects with and the topics it may use. A device gets an account
/// that reaches only its own topics, so that a compromised device cannot read or steer another.
/// </summary>
/// <param name="Username">The user name the client presents (letters, digits, <c>-</c>, <c>_</c> and <c>.</c>).</param>
/// <param name="Password">The password the client presents.</param>
/// <param name="Grants">The topic filters the account may read or write; nothing else is allowed.</param>
public sealed record MqttAccount(string Username, string Password, IReadOnlyList<MqttTopicGrant> Grants)
{
    /// <summary>Checks the account, naming the field that is wrong.</summary>
    /// <exception cref="ValueChainFormatException">The user name, password or a topic filter is malformed.</exception>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Username) || !Username.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ValueChainFormatException("MQTT account user name", Username, "must be non-empty and use only ASCII letters, digits, '-', '_' and '.'");
        }

        if (string.IsNullOrEmpty(Password) || Password.Any(char.IsControl))
        {
            throw new ValueChainFormatException($"MQTT account '{Username}' password", "(hidden)", "must be non-empty and contain no control characters");
        }

        foreach (MqttTopicGrant grant in Grants)
        {
            MqttTopicFilter.Validate(grant.TopicFilter, $"MQTT account '{Username}'");
        }
    }
}
