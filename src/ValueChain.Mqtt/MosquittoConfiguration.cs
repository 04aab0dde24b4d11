using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ValueChain.Mqtt;

/// <summary>
/// The files a local Mosquitto runs from: its configuration and, unless anonymous, the dynamic-security plugin's
/// accounts and roles. The plugin, not an <c>acl_file</c>, because only it refuses a forbidden SUBSCRIBE (reason 0x87)
/// instead of granting it and silently dropping the messages, and because it takes new accounts while running.
/// </summary>
internal static class MosquittoConfiguration
{
    public const string AdminUsername = "valuechain-admin";

    public static string Config(int port, string folder, string? dynamicSecurityPlugin, bool runningAsRoot)
    {
        var config = new StringBuilder();
        config.AppendLine(CultureInfo.InvariantCulture, $"listener {port} 127.0.0.1");
        if (dynamicSecurityPlugin is null)
        {
            config.AppendLine("allow_anonymous true");
        }
        else
        {
            config.AppendLine("allow_anonymous false");
            config.AppendLine(CultureInfo.InvariantCulture, $"plugin {dynamicSecurityPlugin}");
            config.AppendLine(CultureInfo.InvariantCulture, $"plugin_opt_config_file {Path.Combine(folder, "dynamic-security.json")}");
        }

        // Sessions and retained messages survive a restart of the broker, as a production broker's do, so that a
        // client reconnecting with its session finds the QoS 1 messages queued for it.
        config.AppendLine("persistence true");
        config.AppendLine(CultureInfo.InvariantCulture, $"persistence_location {folder}{Path.DirectorySeparatorChar}");
        config.AppendLine(CultureInfo.InvariantCulture, $"log_dest file {Path.Combine(folder, "mosquitto.log")}");
        config.AppendLine("log_type error");
        config.AppendLine("log_type warning");
        config.AppendLine("log_type notice");
        if (runningAsRoot)
        {
            // Started as root, Mosquitto switches to the 'mosquitto' user, which cannot read a temporary folder of root's.
            config.AppendLine("user root");
        }

        return config.ToString();
    }

    /// <summary>The plugin's file: one client and one role of the same name per account, the admin, and nothing allowed by default.</summary>
    public static string DynamicSecurity(IEnumerable<MqttAccount> accounts, string adminPassword)
    {
        var clients = new JsonArray();
        var roles = new JsonArray();
        MqttAccount admin = new(AdminUsername, adminPassword, [new("$CONTROL/dynamic-security/#", MqttTopicAccess.ReadWrite)]);
        foreach (MqttAccount account in accounts.Prepend(admin))
        {
            MosquittoPasswordHash password = MosquittoPasswordHash.Of(account.Password);
            clients.Add(new JsonObject
            {
                ["username"] = account.Username,
                ["password"] = password.Hash,
                ["salt"] = password.Salt,
                ["iterations"] = password.Iterations,
                ["roles"] = new JsonArray(new JsonObject { ["rolename"] = account.Username }),
            });
            roles.Add(new JsonObject { ["rolename"] = account.Username, ["acls"] = Acls(account) });
        }

        var file = new JsonObject
        {
            ["clients"] = clients,
            ["roles"] = roles,
            ["groups"] = new JsonArray(),
            ["defaultACLAccess"] = new JsonObject { ["publishClientSend"] = false, ["publishClientReceive"] = false, ["subscribe"] = false, ["unsubscribe"] = true },
        };
        return file.ToJsonString();
    }

    /// <summary>The plugin's ACL entries for an account's grants: reading is receiving plus subscribing, writing is sending.</summary>
    public static JsonArray Acls(MqttAccount account)
    {
        var acls = new JsonArray();
        foreach (MqttTopicGrant grant in account.Grants)
        {
            if (grant.Access is MqttTopicAccess.Read or MqttTopicAccess.ReadWrite)
            {
                acls.Add(Acl("publishClientReceive", grant.TopicFilter));
                // A pattern ACL treats the wildcards of a subscription as literal levels, so '#' is not allowed by 'devices/press-1/#'.
                acls.Add(Acl("subscribePattern", grant.TopicFilter));
            }

            if (grant.Access is MqttTopicAccess.Write or MqttTopicAccess.ReadWrite)
            {
                acls.Add(Acl("publishClientSend", grant.TopicFilter));
            }
        }

        return acls;
    }

    private static JsonObject Acl(string type, string topic) => new() { ["acltype"] = type, ["topic"] = topic, ["allow"] = true };
}
