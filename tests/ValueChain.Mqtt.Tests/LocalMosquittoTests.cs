using System.Text;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Protocol;

namespace ValueChain.Mqtt.Tests;

// A real Mosquitto (Debian's package, from tools/apt-packages.txt) with the generated password file and ACL.
public sealed class LocalMosquittoTests
{
    private static readonly MqttAccount Manager = new("manager", "manager-pw", [new("devices/#", MqttTopicAccess.ReadWrite)]);
    private static readonly MqttAccount Press = Device("press-1");
    private static readonly MqttAccount Lathe = Device("lathe-2");

    private static MqttAccount Device(string name) =>
        new(name, name + "-pw", [new($"devices/{name}/#", MqttTopicAccess.ReadWrite)]);

    [Fact]
    public async Task A_device_receives_what_the_manager_sends_on_its_own_topic()
    {
        await using LocalMosquitto broker = await LocalMosquitto.StartAsync(new() { Accounts = [Manager, Press, Lathe] }, TestContext.Current.CancellationToken);
        using IMqttClient device = await ConnectAsync(broker, Press);
        Channel<string> received = Inbox(device);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await SubscribeAsync(device, "devices/press-1/install"));
        using IMqttClient manager = await ConnectAsync(broker, Manager);

        MqttClientPublishResult sent = await PublishAsync(manager, "devices/press-1/install", "app v2");

        Assert.Equal(MqttClientPublishReasonCode.Success, sent.ReasonCode);
        Assert.Equal("devices/press-1/install app v2", await ReadAsync(received));
    }

    [Fact]
    public async Task The_broker_refuses_a_device_that_subscribes_or_publishes_to_another_devices_topics()
    {
        await using LocalMosquitto broker = await LocalMosquitto.StartAsync(new() { Accounts = [Manager, Press, Lathe] }, TestContext.Current.CancellationToken);
        using IMqttClient lathe = await ConnectAsync(broker, Lathe);
        using IMqttClient press = await ConnectAsync(broker, Press);
        Channel<string> pressInbox = Inbox(press);
        await SubscribeAsync(press, "devices/press-1/#");

        MqttClientSubscribeResultCode spying = await SubscribeAsync(lathe, "devices/press-1/#");
        MqttClientSubscribeResultCode everything = await SubscribeAsync(lathe, "#");
        MqttClientPublishResult forged = await PublishAsync(lathe, "devices/press-1/install", "forged");
        await PublishAsync(press, "devices/press-1/state", "mine");

        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, spying);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, everything);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        // The forged message never arrives: the first message the press sees is its own.
        Assert.Equal("devices/press-1/state mine", await ReadAsync(pressInbox));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_cannot_connect()
    {
        await using LocalMosquitto broker = await LocalMosquitto.StartAsync(new() { Accounts = [Press] }, TestContext.Current.CancellationToken);

        Assert.True(await AcceptsAsync(broker, Press));
        Assert.False(await AcceptsAsync(broker, Press with { Password = "guess" }));
        Assert.False(await AcceptsAsync(broker, Device("stranger")));
    }

    [Fact]
    public async Task An_account_added_while_the_broker_runs_can_connect_and_only_to_its_topics()
    {
        await using LocalMosquitto broker = await LocalMosquitto.StartAsync(new() { Accounts = [Manager] }, TestContext.Current.CancellationToken);
        MqttAccount late = Device("drill-9");
        Assert.False(await AcceptsAsync(broker, late));

        await broker.AddAccountsAsync([late], TestContext.Current.CancellationToken);

        using IMqttClient drill = await ConnectAsync(broker, late);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await SubscribeAsync(drill, "devices/drill-9/#"));
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, await SubscribeAsync(drill, "devices/press-1/#"));
        await Assert.ThrowsAsync<ValueChainFormatException>(() => broker.AddAccountsAsync([late], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_message_sent_while_a_device_was_away_reaches_it_after_the_broker_restarts()
    {
        await using LocalMosquitto broker = await LocalMosquitto.StartAsync(new() { Accounts = [Manager, Press] }, TestContext.Current.CancellationToken);
        using (IMqttClient first = await ConnectAsync(broker, Press, cleanStart: false))
        {
            await SubscribeAsync(first, "devices/press-1/#");
            await first.DisconnectAsync(cancellationToken: TestContext.Current.CancellationToken);
        }

        using (IMqttClient manager = await ConnectAsync(broker, Manager))
        {
            await PublishAsync(manager, "devices/press-1/install", "while away");
        }

        await broker.RestartAsync(TestContext.Current.CancellationToken);
        Assert.True(broker.IsRunning);

        var client = new MqttClientFactory().CreateMqttClient();
        Channel<string> inbox = Inbox(client);
        MqttClientConnectResult resumed = await client.ConnectAsync(broker.Endpoint.ClientOptions("press-1", Press, cleanStart: false), TestContext.Current.CancellationToken);
        Assert.True(resumed.IsSessionPresent);
        Assert.Equal("devices/press-1/install while away", await ReadAsync(inbox));
        client.Dispose();
    }

    [Fact]
    public async Task Without_accounts_an_anonymous_broker_lets_anyone_use_any_topic()
    {
        await using LocalMosquitto broker = await LocalMosquitto.StartAsync(new() { AllowAnonymous = true }, TestContext.Current.CancellationToken);
        using IMqttClient client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(broker.Endpoint.ClientOptions("anyone", account: null), TestContext.Current.CancellationToken);

        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await SubscribeAsync(client, "#"));
        await Assert.ThrowsAsync<ConfigurationException>(() => broker.AddAccountsAsync([Press], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Duplicate_user_names_are_refused_before_the_broker_starts()
    {
        ValueChainFormatException error = await Assert.ThrowsAsync<ValueChainFormatException>(
            () => LocalMosquitto.StartAsync(new() { Accounts = [Press, Press with { Password = "other" }] }, TestContext.Current.CancellationToken));

        Assert.Equal("press-1", error.Input);
    }

    private static async Task<IMqttClient> ConnectAsync(LocalMosquitto broker, MqttAccount account, bool cleanStart = true)
    {
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        try
        {
            MqttClientConnectResult result = await client.ConnectAsync(broker.Endpoint.ClientOptions(account.Username, account, cleanStart), TestContext.Current.CancellationToken);
            Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    // Whether the broker accepts the account's connection (MQTTnet throws for some refusals and returns others).
    private static async Task<bool> AcceptsAsync(LocalMosquitto broker, MqttAccount account)
    {
        using IMqttClient client = new MqttClientFactory().CreateMqttClient();
        try
        {
            return (await client.ConnectAsync(broker.Endpoint.ClientOptions(account.Username, account), TestContext.Current.CancellationToken)).ResultCode == MqttClientConnectResultCode.Success;
        }
        catch (MqttConnectingFailedException)
        {
            return false;
        }
    }

    private static async Task<MqttClientSubscribeResultCode> SubscribeAsync(IMqttClient client, string filter)
    {
        MqttClientSubscribeResult result = await client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build(),
            TestContext.Current.CancellationToken);
        return result.Items.Single().ResultCode;
    }

    private static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string topic, string text) =>
        client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(text)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            TestContext.Current.CancellationToken);

    private static Channel<string> Inbox(IMqttClient client)
    {
        Channel<string> inbox = Channel.CreateUnbounded<string>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            inbox.Writer.TryWrite($"{e.ApplicationMessage.Topic} {Encoding.UTF8.GetString(e.ApplicationMessage.Payload)}");
            return Task.CompletedTask;
        };
        return inbox;
    }

    private static async Task<string> ReadAsync(Channel<string> inbox)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await inbox.Reader.ReadAsync(timeout.Token);
    }
}
