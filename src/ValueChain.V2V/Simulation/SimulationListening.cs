using System.Collections.Concurrent;

namespace ValueChain.V2V;

/// <summary>The live-feed side of a simulation run: the publisher on the ledger's events and the listening vehicles.</summary>
internal sealed class Listening : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly List<IObstacleFeedConnection> _connections = [];
    private readonly List<(SimulatedVehicle Vehicle, ObstacleFeedSubscriber Subscriber)> _listeners = [];
    private ObstacleFeedPublisher? _publisher;
    private long _refused;

    public ConcurrentQueue<LiveObstacle> Delivered { get; } = new();

    public long Refused => Interlocked.Read(ref _refused);

    public static async Task<Listening> StartAsync(Run run, V2VSimulationFeed feed, CancellationToken cancellationToken)
    {
        var listening = new Listening();
        try
        {
            var options = new ObstacleFeedOptions();
            IObstacleFeedConnection publishing = await feed.ConnectPublisherAsync(cancellationToken).ConfigureAwait(false);
            listening._connections.Add(publishing);
            ObstacleFeedPublisher publisher = listening._publisher = new ObstacleFeedPublisher(run.Map, run.Store, publishing, options);
            listening._loops.Add(Task.Run(() => publisher.RunAsync(0, listening._stop.Token), CancellationToken.None));
            foreach (SimulatedVehicle vehicle in run.World.Vehicles)
            {
                if (listening._listeners.Count == run.ListenerCount)
                {
                    break;
                }

                IObstacleFeedConnection connection = await feed.ConnectVehicleAsync($"v2v-simulation-vehicle-{vehicle.Index}", cancellationToken).ConfigureAwait(false);
                listening._connections.Add(connection);
                var subscriber = new ObstacleFeedSubscriber(connection, new ReportVerifier(run.Map, run.Store), options);
                await subscriber.MoveToAsync(SimulationWorld.ToGeo(vehicle.At(0)), cancellationToken).ConfigureAwait(false);
                listening._listeners.Add((vehicle, subscriber));
                listening._loops.Add(Task.Run(() => subscriber.RunAsync(listening._stop.Token), CancellationToken.None));
                listening._loops.Add(Task.Run(async () =>
                {
                    await foreach (LiveObstacle obstacle in subscriber.Obstacles.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
                    {
                        listening.Delivered.Enqueue(obstacle);
                    }
                }, CancellationToken.None));
                listening._loops.Add(Task.Run(async () =>
                {
                    await foreach (FeedRefusal _ in subscriber.Refusals.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref listening._refused);
                    }
                }, CancellationToken.None));
            }

            return listening;
        }
        catch
        {
            await listening.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Moves every listener to where its vehicle is at <paramref name="second"/> (re-subscribing at tile borders).</summary>
    public Task MoveAsync(int second, CancellationToken cancellationToken) =>
        Task.WhenAll(_listeners.Select(l => l.Subscriber.MoveToAsync(SimulationWorld.ToGeo(l.Vehicle.At(second)), cancellationToken)));

    /// <summary>Waits until the publisher has published <paramref name="expected"/> messages and the listeners have gone quiet.</summary>
    public async Task DrainAsync(int expected, CancellationToken cancellationToken)
    {
        // Progress, not a deadline: give up only when nothing moved for ten seconds.
        long seen = -1;
        DateTime lastProgress = DateTime.UtcNow;
        while (_publisher!.Published < expected && DateTime.UtcNow - lastProgress < TimeSpan.FromSeconds(10))
        {
            if (_publisher.Published != seen)
            {
                (seen, lastProgress) = (_publisher.Published, DateTime.UtcNow);
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        int quiet = 0, count = -1;
        while (_listeners.Count > 0 && quiet < 15)
        {
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            int now = Delivered.Count + (int)Refused;
            quiet = now == count ? quiet + 1 : 0;
            count = now;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (IObstacleFeedConnection connection in _connections)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_loops).ConfigureAwait(false);
        _stop.Dispose();
    }
}
