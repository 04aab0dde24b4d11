using System.Threading.Channels;

namespace ValueChain.V2V;

/// <summary>
/// A broker inside the process for simulations and hosts without an MQTT broker: the same topics, retained messages and
/// at-least-once delivery as MQTT, without a network and without access control (every connection may publish).
/// Thread-safe.
/// </summary>
public sealed class InProcessObstacleFeedBroker
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _retained = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<Connection>> _subscribers = new(StringComparer.Ordinal);

    /// <summary>A new connection to this broker.</summary>
    public IObstacleFeedConnection Connect() => new Connection(this);

    /// <summary>Whether <paramref name="topic"/> matches the MQTT topic filter <paramref name="filter"/> (<c>+</c> one level, <c>#</c> the rest).</summary>
    public static bool Matches(string filter, string topic)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(topic);
        string[] f = filter.Split('/'), t = topic.Split('/');
        for (int i = 0; i < f.Length; i++)
        {
            if (f[i] == "#")
            {
                return true;
            }

            if (i >= t.Length || (f[i] != "+" && f[i] != t[i]))
            {
                return false;
            }
        }

        return f.Length == t.Length;
    }

    private void Publish(string topic, ReadOnlyMemory<byte> payload, bool retain)
    {
        lock (_gate)
        {
            if (retain && payload.IsEmpty)
            {
                _retained.Remove(topic);
            }
            else if (retain)
            {
                _retained[topic] = payload;
            }

            // Each connection once, however many of its filters match.
            var reached = new HashSet<Connection>();
            foreach (string filter in FiltersMatching(topic))
            {
                if (_subscribers.TryGetValue(filter, out HashSet<Connection>? connections))
                {
                    reached.UnionWith(connections);
                }
            }

            foreach (Connection connection in reached)
            {
                connection.Deliver(topic, payload, retained: false);
            }
        }
    }

    private void Subscribe(Connection connection, IReadOnlyCollection<string> filters)
    {
        lock (_gate)
        {
            // A retained message once per call, however many of the new filters match it.
            var sent = new HashSet<string>(StringComparer.Ordinal);
            foreach (string filter in filters)
            {
                if (connection.Filters.Add(filter))
                {
                    if (!_subscribers.TryGetValue(filter, out HashSet<Connection>? connections))
                    {
                        _subscribers[filter] = connections = [];
                    }

                    connections.Add(connection);
                    foreach ((string topic, ReadOnlyMemory<byte> payload) in _retained.Where(r => Matches(filter, r.Key) && sent.Add(r.Key)).ToList())
                    {
                        connection.Deliver(topic, payload, retained: true);
                    }
                }
            }
        }
    }

    private void Unsubscribe(Connection connection, IReadOnlyCollection<string> filters)
    {
        lock (_gate)
        {
            // A retained message once per call, however many of the new filters match it.
            var sent = new HashSet<string>(StringComparer.Ordinal);
            foreach (string filter in filters)
            {
                if (connection.Filters.Remove(filter) && _subscribers.TryGetValue(filter, out HashSet<Connection>? connections))
                {
                    connections.Remove(connection);
                    if (connections.Count == 0)
                    {
                        _subscribers.Remove(filter);
                    }
                }
            }
        }
    }

    // Every filter that matches the topic: each level as itself or '+', and '#' after any prefix (2^(n+1) filters for n
    // levels, so a publication costs a few hundred lookups however many clients subscribe).
    private static List<string> FiltersMatching(string topic)
    {
        string[] levels = topic.Split('/');
        var filters = new List<string>();
        void Extend(int depth, string prefix)
        {
            filters.Add(depth == 0 ? "#" : prefix + "/#");
            if (depth == levels.Length)
            {
                filters.Add(prefix);
                return;
            }

            string separator = depth == 0 ? "" : prefix + "/";
            Extend(depth + 1, separator + levels[depth]);
            Extend(depth + 1, separator + "+");
        }

        Extend(0, "");
        return filters;
    }

    // One client; its filters are read and written under the broker's lock only.
    private sealed class Connection(InProcessObstacleFeedBroker broker) : IObstacleFeedConnection
    {
        private readonly Channel<ObstacleFeedPacket> _inbox = Channel.CreateUnbounded<ObstacleFeedPacket>();

        public HashSet<string> Filters { get; } = new(StringComparer.Ordinal);

        public ChannelReader<ObstacleFeedPacket> Inbox => _inbox.Reader;

        public void Deliver(string topic, ReadOnlyMemory<byte> payload, bool retained) => _inbox.Writer.TryWrite(new ObstacleFeedPacket(topic, payload, retained));

        public Task<bool> PublishAsync(string topic, ReadOnlyMemory<byte> payload, bool retain, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(topic);
            broker.Publish(topic, payload, retain);
            return Task.FromResult(true);
        }

        public Task SubscribeAsync(IReadOnlyCollection<string> filters, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(filters);
            broker.Subscribe(this, filters);
            return Task.CompletedTask;
        }

        public Task UnsubscribeAsync(IReadOnlyCollection<string> filters, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(filters);
            broker.Unsubscribe(this, filters);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            broker.Unsubscribe(this, [.. Filters]);
            _inbox.Writer.TryComplete();
            return ValueTask.CompletedTask;
        }
    }
}
