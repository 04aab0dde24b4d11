namespace ValueChain.Mqtt.Tests;

public sealed class MqttAccountTests
{
    [Theory]
    [InlineData("a/#/b")]
    [InlineData("a/b#")]
    [InlineData("a/+b/c")]
    [InlineData("")]
    public void A_malformed_topic_filter_is_refused_naming_it(string filter)
    {
        var account = new MqttAccount("device-1", "pw", [new MqttTopicGrant(filter, MqttTopicAccess.Read)]);

        ValueChainFormatException error = Assert.Throws<ValueChainFormatException>(account.Validate);
        Assert.Equal(filter, error.Input);
        Assert.Contains("device-1", error.ParameterName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("colon:name")]
    public void A_user_name_mosquitto_files_cannot_hold_is_refused(string username)
    {
        var account = new MqttAccount(username, "pw", []);

        ValueChainFormatException error = Assert.Throws<ValueChainFormatException>(account.Validate);
        Assert.Equal(username, error.Input);
    }

    [Fact]
    public void Well_formed_filters_with_wildcards_pass()
    {
        new MqttAccount("m", "pw", [new("a/+/c", MqttTopicAccess.Read), new("a/#", MqttTopicAccess.Write), new("#", MqttTopicAccess.ReadWrite)]).Validate();
    }
}
