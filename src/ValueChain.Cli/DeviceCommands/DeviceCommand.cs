using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using ValueChain.AppMarket;
using ValueChain.Cryptography;
using ValueChain.Mqtt;

namespace ValueChain.Cli.DeviceCommands;

/// <summary>
/// <c>valuechain device</c>: runs an AppMarket device agent on an MQTT v5 broker with the device's own account until
/// stopped. The device key and the broker password come from the environment, never the command line.
/// </summary>
internal static class DeviceCommand
{
    public const string KeyVariable = "VALUECHAIN_DEVICE_KEY";
    public const string PasswordVariable = "VALUECHAIN_MQTT_PASSWORD";

    public static Command Create(IAnsiConsole console)
    {
        var id = new Option<string>("--id") { Description = "The device's id on the ledger (also its broker user name unless --username is given).", Required = true };
        var broker = new Option<string>("--broker") { Description = "The broker as host:port.", Required = true };
        var username = new Option<string?>("--username") { Description = "The broker user name (default: the device id)." };
        var directory = new Option<DirectoryInfo>("--dir") { Description = "The directory the agent owns (apps, staging, downloads, its report counter).", Required = true };
        var chainId = new Option<ulong>("--chain-id") { Description = "The chain id of the marketplace's report domain.", Required = true };
        var platform = new Option<string>("--platform") { Description = "The marketplace's PlatformAddress (the report domain's verifying contract).", Required = true };

        var command = new Command("device", $"Runs an AppMarket device agent over MQTT v5 until stopped (key in ${KeyVariable}, broker password in ${PasswordVariable}).")
        {
            id, broker, username, directory, chainId, platform,
        };
        command.SetAction((parse, cancellationToken) => TypedErrors.RunAsync(console, () => RunAsync(
            console, parse.GetValue(id)!, parse.GetValue(broker)!, parse.GetValue(username), parse.GetValue(directory)!.FullName,
            new DeviceReportDomain(parse.GetValue(chainId), Address.Parse(parse.GetValue(platform)!)), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, string deviceId, string broker, string? username, string directory, DeviceReportDomain domain, CancellationToken cancellationToken)
    {
        string key = Environment.GetEnvironmentVariable(KeyVariable) ?? throw new ConfigurationException($"Set {KeyVariable} to the device's private key (hex).");
        string password = Environment.GetEnvironmentVariable(PasswordVariable) ?? throw new ConfigurationException($"Set {PasswordVariable} to the device's broker password.");
        int colon = broker.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(broker[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new ValueChainFormatException("--broker", broker, "must be host:port");
        }

        var endpoint = new MqttBrokerEndpoint(broker[..colon], port);
        MqttAccount account = AppMarketTopics.DeviceAccount(deviceId, password) with { Username = username ?? deviceId };
        using var agent = new DeviceAgent(deviceId, new EthereumSigner(PrivateKey.Parse(key)), domain, directory);
        await using MqttDeviceAgentHost host = await MqttDeviceAgentHost.ConnectAsync(endpoint, account, agent, cancellationToken: cancellationToken);
        console.MarkupLine($"Device [bold]{Markup.Escape(deviceId)}[/] on {Markup.Escape(broker)} as {Markup.Escape(account.Username)}, apps in {Markup.Escape(agent.Directory)}; waiting for orders (Ctrl+C stops).");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("Stopped.");
        }

        return 0;
    }
}
