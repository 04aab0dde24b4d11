using System.Text;
using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Protocol;

namespace ValueChain.Mqtt;

/// <summary>
/// Adds accounts to a running Mosquitto through its dynamic-security plugin's control topic, as the plugin's own
/// <c>mosquitto_ctrl</c> does: a role with the account's ACLs and a client holding that role, in one request.
/// </summary>
internal static class DynamicSecurityAdmin
{
    private const string ControlTopic = "$CONTROL/dynamic-security/v1";
    private const string ResponseTopic = ControlTopic + "/response";

    public static async Task AddAsync(MqttBrokerEndpoint endpoint, string adminPassword, IReadOnlyList<MqttAccount> accounts, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var commands = new JsonArray();
        foreach (MqttAccount account in accounts)
        {
            commands.Add(new JsonObject { ["command"] = "createRole", ["rolename"] = account.Username, ["acls"] = MosquittoConfiguration.Acls(account) });
            commands.Add(new JsonObject
            {
                ["command"] = "createClient",
                ["username"] = account.Username,
                ["password"] = account.Password,
                ["roles"] = new JsonArray(new JsonObject { ["rolename"] = account.Username }),
            });
        }

        using IMqttClient admin = new MqttClientFactory().CreateMqttClient();
        var response = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        admin.ApplicationMessageReceivedAsync += e =>
        {
            response.TrySetResult(Encoding.UTF8.GetString(e.ApplicationMessage.Payload));
            return Task.CompletedTask;
        };
        var adminAccount = new MqttAccount(MosquittoConfiguration.AdminUsername, adminPassword, []);
        await admin.ConnectAsync(endpoint.ClientOptions(MosquittoConfiguration.AdminUsername + "-" + Guid.NewGuid().ToString("N")[..8], adminAccount), cancellationToken);
        await admin.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(ResponseTopic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        await admin.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(ControlTopic).WithPayload(new JsonObject { ["commands"] = commands }.ToJsonString()).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            cancellationToken);
        string answer = await response.Task.WaitAsync(timeout, cancellationToken);
        await admin.DisconnectAsync(cancellationToken: cancellationToken);

        IEnumerable<string> errors = (JsonNode.Parse(answer)?["responses"]?.AsArray() ?? [])
            .Where(r => r?["error"] is not null)
            .Select(r => $"{r!["command"]}: {r["error"]}");
        string joined = string.Join("; ", errors);
        if (joined.Length > 0)
        {
            throw new ConfigurationException($"Mosquitto's dynamic-security plugin refused the new accounts: {joined}");
        }
    }
}
