#!/usr/bin/env bash
# A two-organisation Fabric 2.5.5 network on 127.0.0.1, without Docker, for ValueChain's live Fabric tests:
# one etcdraft orderer (TLS, channel participation), Org1MSP and Org2MSP with one peer each. Both peers
# require TLS client certificates (CORE_PEER_TLS_CLIENTAUTHREQUIRED=true), gossip with each other through
# their anchor peers (so the discovery service knows both), and serve the same chaincode-as-a-service package.
# The chaincodes the tests deploy are defined with ENDORSEMENT_POLICY (both organisations' peers).
# Same structure as the shared one-organisation ../shared/tools/fabric/network.sh.
#
#   two-org-network.sh up                generate crypto + genesis block, start orderer and both peers, join the
#                                        channel, package (ValueChain CLI) and install the ccaas chaincode on
#                                        both peers, write network.json (the "peers" form, see the README)
#   two-org-network.sh down              stop every node started by "up" (by the PIDs it recorded)
#   two-org-network.sh clean             down, then delete NET_DIR
#   two-org-network.sh status            show the recorded PIDs and whether they run
#   two-org-network.sh stop-peer N       stop peer N (1 or 2) only
#   two-org-network.sh start-peer N      start peer N again (keeps its ledger)
#
# Environment (defaults in brackets):
#   FABRIC_SRC   Fabric v2.5.5 source tree, for sampleconfig/ [required]
#   FABRIC_BIN   peer, orderer, configtxgen, cryptogen, osnadmin [$FABRIC_SRC/bin]
#   SDK_DIR      ValueChain checkout, for `dotnet run --project src/ValueChain.Cli` [the git checkout you run it from]
#   CCAAS_BUILDER the ccaas external builder folder [$SDK_DIR/../shared/tools/fabric/ccaas-builder]
#   NET_DIR      where the network lives [${TMPDIR:-/tmp}/valuechain-fabric-2org]
#   CHANNEL [valuechain]  LABEL [valuechain_1]
#   ORDERER_PORT [17050] ORDERER_ADMIN_PORT [17053] ORDERER_OPS_PORT [19443]
#   PEER1_PORT [17051] PEER1_CC_PORT [17052] PEER1_OPS_PORT [19444]
#   PEER2_PORT [17061] PEER2_CC_PORT [17062] PEER2_OPS_PORT [19445]   CHAINCODE_PORT [19999]
#   BATCH_TIMEOUT [50ms] MAX_MESSAGE_COUNT [100]
#   ENDORSEMENT_POLICY [AND('Org1MSP.peer', 'Org2MSP.peer')]   DISCOVERY [false]: whether the tests' clients use it
#   COLLECTIONS [$NET_DIR/collections.json, written by "up"]: the private data collections every definition the
#                tests deploy declares (Fabric's collections_config.json format): traceabilityDetails (both
#                organisations: Traceability's order and delivery details) and org1Only (Org1MSP only: the test
#                that Org2's peer holds only the hash)
# Fabric processes run under `nice -n ${NICE:-10}`.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
FABRIC_SRC=${FABRIC_SRC:?set FABRIC_SRC to a Fabric v2.5.5 source tree (see ../shared/tools/fabric/README.md)}
FABRIC_BIN=${FABRIC_BIN:-$FABRIC_SRC/bin}
SDK_DIR=${SDK_DIR:-$(cd "$HERE" && git rev-parse --show-toplevel)}
CCAAS_BUILDER=${CCAAS_BUILDER:-$(cd "$SDK_DIR/../shared/tools/fabric/ccaas-builder" && pwd)}
NET_DIR=${NET_DIR:-${TMPDIR:-/tmp}/valuechain-fabric-2org}
CHANNEL=${CHANNEL:-valuechain}
LABEL=${LABEL:-valuechain_1}
ORDERER_PORT=${ORDERER_PORT:-17050}
ORDERER_ADMIN_PORT=${ORDERER_ADMIN_PORT:-17053}
ORDERER_OPS_PORT=${ORDERER_OPS_PORT:-19443}
PEER1_PORT=${PEER1_PORT:-17051}
PEER1_CC_PORT=${PEER1_CC_PORT:-17052}
PEER1_OPS_PORT=${PEER1_OPS_PORT:-19444}
PEER2_PORT=${PEER2_PORT:-17061}
PEER2_CC_PORT=${PEER2_CC_PORT:-17062}
PEER2_OPS_PORT=${PEER2_OPS_PORT:-19445}
CHAINCODE_PORT=${CHAINCODE_PORT:-19999}
BATCH_TIMEOUT=${BATCH_TIMEOUT:-50ms}
MAX_MESSAGE_COUNT=${MAX_MESSAGE_COUNT:-100}
ENDORSEMENT_POLICY=${ENDORSEMENT_POLICY:-"AND('Org1MSP.peer', 'Org2MSP.peer')"}
DISCOVERY=${DISCOVERY:-false}
NICE=${NICE:-10}

export PATH="$FABRIC_BIN:$PATH"
CRYPTO=$NET_DIR/crypto
ORD=$CRYPTO/ordererOrganizations/example.com
ORD_NODE=$ORD/orderers/orderer.example.com

org_dir() { echo "$CRYPTO/peerOrganizations/org$1.example.com"; }
peer_dir() { echo "$(org_dir "$1")/peers/peer0.org$1.example.com"; }
admin_dir() { echo "$(org_dir "$1")/users/Admin@org$1.example.com"; }
peer_port() { local v="PEER$1_PORT"; echo "${!v}"; }
peer_cc_port() { local v="PEER$1_CC_PORT"; echo "${!v}"; }
peer_ops_port() { local v="PEER$1_OPS_PORT"; echo "${!v}"; }

log() { echo "== $*"; }

wait_port() { # host port seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    if (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "port $1:$2 did not open within $3 s" >&2
  return 1
}

running() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_pid() { # pid file
  if running "$1"; then
    log "stopping $(basename "$1" .pid) (pid $(cat "$1"))"
    kill "$(cat "$1")"
    for _ in $(seq 100); do running "$1" || break; sleep 0.1; done
  fi
  rm -f "$1"
}

generate() {
  mkdir -p "$NET_DIR/config" "$NET_DIR/data" "$NET_DIR/logs"
  cp "$FABRIC_SRC/sampleconfig/orderer.yaml" "$NET_DIR/config/orderer.yaml"
  sed "s#path: /opt/hyperledger/ccaas_builder#path: $CCAAS_BUILDER#; s#name: ccaas_builder#name: ccaas#" \
    "$FABRIC_SRC/sampleconfig/core.yaml" > "$NET_DIR/config/core.yaml"
  grep -q "path: $CCAAS_BUILDER" "$NET_DIR/config/core.yaml" || { echo "core.yaml: externalBuilders not patched" >&2; exit 1; }
  cp -R "$FABRIC_SRC/sampleconfig/msp" "$NET_DIR/config/msp"

  cat > "$NET_DIR/crypto-config.yaml" <<EOF
OrdererOrgs:
  - Name: Orderer
    Domain: example.com
    EnableNodeOUs: true
    Specs:
      - Hostname: orderer
        SANS: [localhost, 127.0.0.1]
PeerOrgs:
  - Name: Org1
    Domain: org1.example.com
    EnableNodeOUs: true
    Template: { Count: 1, SANS: [localhost, 127.0.0.1] }
    Users: { Count: 1 }
  - Name: Org2
    Domain: org2.example.com
    EnableNodeOUs: true
    Template: { Count: 1, SANS: [localhost, 127.0.0.1] }
    Users: { Count: 1 }
EOF
  log "cryptogen"
  cryptogen generate --config="$NET_DIR/crypto-config.yaml" --output="$CRYPTO" >/dev/null

  local o
  {
    cat <<EOF
Organizations:
  - &OrdererOrg
    Name: OrdererOrg
    ID: OrdererMSP
    MSPDir: $ORD/msp
    Policies:
      Readers: { Type: Signature, Rule: "OR('OrdererMSP.member')" }
      Writers: { Type: Signature, Rule: "OR('OrdererMSP.member')" }
      Admins:  { Type: Signature, Rule: "OR('OrdererMSP.admin')" }
    OrdererEndpoints:
      - 127.0.0.1:$ORDERER_PORT
EOF
    for o in 1 2; do
      cat <<EOF
  - &Org$o
    Name: Org${o}MSP
    ID: Org${o}MSP
    MSPDir: $(org_dir $o)/msp
    Policies:
      Readers:     { Type: Signature, Rule: "OR('Org${o}MSP.admin', 'Org${o}MSP.peer', 'Org${o}MSP.client')" }
      Writers:     { Type: Signature, Rule: "OR('Org${o}MSP.admin', 'Org${o}MSP.client')" }
      Admins:      { Type: Signature, Rule: "OR('Org${o}MSP.admin')" }
      Endorsement: { Type: Signature, Rule: "OR('Org${o}MSP.peer')" }
    AnchorPeers:
      - { Host: 127.0.0.1, Port: $(peer_port $o) }
EOF
    done
    cat <<EOF
Capabilities:
  Channel: &ChannelCapabilities { V2_0: true }
  Orderer: &OrdererCapabilities { V2_0: true }
  Application: &ApplicationCapabilities { V2_5: true }
Application: &ApplicationDefaults
  Organizations:
  Policies:
    Readers: { Type: ImplicitMeta, Rule: "ANY Readers" }
    Writers: { Type: ImplicitMeta, Rule: "ANY Writers" }
    Admins:  { Type: ImplicitMeta, Rule: "MAJORITY Admins" }
    LifecycleEndorsement: { Type: ImplicitMeta, Rule: "MAJORITY Endorsement" }
    Endorsement: { Type: ImplicitMeta, Rule: "MAJORITY Endorsement" }
  Capabilities: *ApplicationCapabilities
Orderer: &OrdererDefaults
  OrdererType: etcdraft
  EtcdRaft:
    Consenters:
      - Host: 127.0.0.1
        Port: $ORDERER_PORT
        ClientTLSCert: $ORD_NODE/tls/server.crt
        ServerTLSCert: $ORD_NODE/tls/server.crt
  BatchTimeout: $BATCH_TIMEOUT
  BatchSize:
    MaxMessageCount: $MAX_MESSAGE_COUNT
    AbsoluteMaxBytes: 99 MB
    PreferredMaxBytes: 2 MB
  Organizations:
  Policies:
    Readers: { Type: ImplicitMeta, Rule: "ANY Readers" }
    Writers: { Type: ImplicitMeta, Rule: "ANY Writers" }
    Admins:  { Type: ImplicitMeta, Rule: "MAJORITY Admins" }
    BlockValidation: { Type: ImplicitMeta, Rule: "ANY Writers" }
Channel: &ChannelDefaults
  Policies:
    Readers: { Type: ImplicitMeta, Rule: "ANY Readers" }
    Writers: { Type: ImplicitMeta, Rule: "ANY Writers" }
    Admins:  { Type: ImplicitMeta, Rule: "MAJORITY Admins" }
  Capabilities: *ChannelCapabilities
Profiles:
  ValueChainChannel:
    <<: *ChannelDefaults
    Orderer:
      <<: *OrdererDefaults
      Organizations: [*OrdererOrg]
      Capabilities: *OrdererCapabilities
    Application:
      <<: *ApplicationDefaults
      Organizations: [*Org1, *Org2]
      Capabilities: *ApplicationCapabilities
EOF
  } > "$NET_DIR/config/configtx.yaml"
  log "configtxgen: genesis block of channel $CHANNEL"
  FABRIC_CFG_PATH=$NET_DIR/config configtxgen -profile ValueChainChannel -outputBlock "$NET_DIR/$CHANNEL.block" -channelID "$CHANNEL" 2>"$NET_DIR/logs/configtxgen.log"
}

start_orderer() {
  log "orderer on 127.0.0.1:$ORDERER_PORT (admin $ORDERER_ADMIN_PORT)"
  (
    export FABRIC_CFG_PATH=$NET_DIR/config
    export FABRIC_LOGGING_SPEC=${ORDERER_LOGGING:-info}
    export ORDERER_GENERAL_LISTENADDRESS=127.0.0.1 ORDERER_GENERAL_LISTENPORT=$ORDERER_PORT
    export ORDERER_GENERAL_LOCALMSPID=OrdererMSP ORDERER_GENERAL_LOCALMSPDIR=$ORD_NODE/msp
    export ORDERER_GENERAL_TLS_ENABLED=true
    export ORDERER_GENERAL_TLS_PRIVATEKEY=$ORD_NODE/tls/server.key ORDERER_GENERAL_TLS_CERTIFICATE=$ORD_NODE/tls/server.crt
    export ORDERER_GENERAL_TLS_ROOTCAS="[$ORD_NODE/tls/ca.crt]"
    export ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE=$ORD_NODE/tls/server.crt ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY=$ORD_NODE/tls/server.key
    export ORDERER_GENERAL_CLUSTER_ROOTCAS="[$ORD_NODE/tls/ca.crt]"
    export ORDERER_GENERAL_BOOTSTRAPMETHOD=none
    export ORDERER_CHANNELPARTICIPATION_ENABLED=true
    export ORDERER_ADMIN_LISTENADDRESS=127.0.0.1:$ORDERER_ADMIN_PORT ORDERER_ADMIN_TLS_ENABLED=true
    export ORDERER_ADMIN_TLS_CERTIFICATE=$ORD_NODE/tls/server.crt ORDERER_ADMIN_TLS_PRIVATEKEY=$ORD_NODE/tls/server.key
    export ORDERER_ADMIN_TLS_ROOTCAS="[$ORD_NODE/tls/ca.crt]" ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true
    export ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$ORD_NODE/tls/ca.crt]"
    export ORDERER_OPERATIONS_LISTENADDRESS=127.0.0.1:$ORDERER_OPS_PORT ORDERER_METRICS_PROVIDER=disabled
    export ORDERER_FILELEDGER_LOCATION=$NET_DIR/data/orderer/ledger
    export ORDERER_CONSENSUS_WALDIR=$NET_DIR/data/orderer/etcdraft/wal ORDERER_CONSENSUS_SNAPDIR=$NET_DIR/data/orderer/etcdraft/snapshot
    exec nice -n "$NICE" orderer >"$NET_DIR/logs/orderer.log" 2>&1
  ) &
  echo $! > "$NET_DIR/orderer.pid"
  wait_port 127.0.0.1 "$ORDERER_ADMIN_PORT" 30
}

join_orderer() {
  log "osnadmin channel join $CHANNEL"
  osnadmin channel join --channelID "$CHANNEL" --config-block "$NET_DIR/$CHANNEL.block" -o "127.0.0.1:$ORDERER_ADMIN_PORT" \
    --ca-file "$ORD_NODE/tls/ca.crt" --client-cert "$ORD/users/Admin@example.com/tls/client.crt" --client-key "$ORD/users/Admin@example.com/tls/client.key"
  echo
}

peer_env() { # N: peer N's own settings (also used by the admin CLI calls, which override the MSP and client certificate)
  local n=$1 dir port
  dir=$(peer_dir "$n")
  port=$(peer_port "$n")
  export FABRIC_CFG_PATH=$NET_DIR/config
  export CORE_PEER_ID=peer0.org$n.example.com
  export CORE_PEER_ADDRESS=127.0.0.1:$port CORE_PEER_LISTENADDRESS=127.0.0.1:$port
  export CORE_PEER_CHAINCODEADDRESS=127.0.0.1:$(peer_cc_port "$n") CORE_PEER_CHAINCODELISTENADDRESS=127.0.0.1:$(peer_cc_port "$n")
  export CORE_PEER_GOSSIP_BOOTSTRAP=127.0.0.1:$port CORE_PEER_GOSSIP_EXTERNALENDPOINT=127.0.0.1:$port
  export CORE_PEER_GOSSIP_USELEADERELECTION=false CORE_PEER_GOSSIP_ORGLEADER=true
  # Fresh chaincode definitions reach the other organisation's discovery answers within about a second.
  export CORE_PEER_GOSSIP_PUBLISHSTATEINFOINTERVAL=${PUBLISH_STATE_INFO_INTERVAL:-1s}
  export CORE_PEER_LOCALMSPID=Org${n}MSP CORE_PEER_MSPCONFIGPATH=$dir/msp
  export CORE_PEER_TLS_ENABLED=true CORE_PEER_TLS_CERT_FILE=$dir/tls/server.crt CORE_PEER_TLS_KEY_FILE=$dir/tls/server.key
  export CORE_PEER_TLS_ROOTCERT_FILE=$dir/tls/ca.crt
  # Mutual TLS: every client (the SDK, the admin CLI, the other peer's gossip) presents a certificate of one of the TLS CAs.
  export CORE_PEER_TLS_CLIENTAUTHREQUIRED=true
  export CORE_PEER_TLS_CLIENTROOTCAS_FILES="$(org_dir 1)/tlsca/tlsca.org1.example.com-cert.pem $(org_dir 2)/tlsca/tlsca.org2.example.com-cert.pem"
  export CORE_PEER_TLS_CLIENTCERT_FILE=$dir/tls/server.crt CORE_PEER_TLS_CLIENTKEY_FILE=$dir/tls/server.key
  export CORE_PEER_FILESYSTEMPATH=$NET_DIR/data/peer$n CORE_LEDGER_SNAPSHOTS_ROOTDIR=$NET_DIR/data/peer$n/snapshots
  export CORE_OPERATIONS_LISTENADDRESS=127.0.0.1:$(peer_ops_port "$n") CORE_METRICS_PROVIDER=disabled
  export CORE_VM_ENDPOINT=
  export CORE_CHAINCODE_KEEPALIVE=${CHAINCODE_KEEPALIVE:-10}
}

start_peer() { # N
  log "peer $1 (Org$1MSP) on 127.0.0.1:$(peer_port "$1")"
  (
    peer_env "$1"
    export FABRIC_LOGGING_SPEC=${PEER_LOGGING:-info}
    exec nice -n "$NICE" peer node start >>"$NET_DIR/logs/peer$1.log" 2>&1
  ) &
  echo $! > "$NET_DIR/peer$1.pid"
  wait_port 127.0.0.1 "$(peer_port "$1")" 30
}

as_admin() { # N command…: runs a peer CLI command as Admin@orgN.example.com against peer N, with its TLS client certificate
  local n=$1
  shift
  (
    peer_env "$n"
    export CORE_PEER_MSPCONFIGPATH=$(admin_dir "$n")/msp FABRIC_LOGGING_SPEC=warning
    export CORE_PEER_TLS_CLIENTCERT_FILE=$(admin_dir "$n")/tls/client.crt CORE_PEER_TLS_CLIENTKEY_FILE=$(admin_dir "$n")/tls/client.key
    "$@"
  )
}

join_peer() { # N
  log "peer $1 channel join"
  local i
  for i in 1 2 3 4 5 6 7 8 9 10; do
    if as_admin "$1" peer channel join -b "$NET_DIR/$CHANNEL.block"; then return 0; fi
    sleep 1
  done
  return 1
}

install_chaincode() {
  log "fabric package (ValueChain CLI) --label $LABEL --address 127.0.0.1:$CHAINCODE_PORT"
  (cd "$SDK_DIR" && nice -n "$NICE" dotnet run --project src/ValueChain.Cli -c Release -- fabric package --label "$LABEL" \
      --address "127.0.0.1:$CHAINCODE_PORT" --output "$NET_DIR/$LABEL.tar.gz") | tee "$NET_DIR/logs/package.log"
  local n
  for n in 1 2; do
    log "peer $n lifecycle chaincode install"
    as_admin "$n" peer lifecycle chaincode install "$NET_DIR/$LABEL.tar.gz"
  done
  as_admin 1 peer lifecycle chaincode queryinstalled --output json > "$NET_DIR/installed.json"
  PACKAGE_ID=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([p["package_id"] for p in d["installed_chaincodes"] if p["label"]==sys.argv[2]][0])' "$NET_DIR/installed.json" "$LABEL")
  grep -q "$PACKAGE_ID" "$NET_DIR/logs/package.log" || echo "warning: the peer's package id $PACKAGE_ID differs from the CLI's" >&2
  echo "package id: $PACKAGE_ID"
}

peer_json() { # N: one entry of "peers"
  local n=$1 dir admin
  dir=$(peer_dir "$n")
  admin=$(admin_dir "$n")
  cat <<EOF
{ "address": "https://127.0.0.1:$(peer_port "$n")", "tlsRoot": "$dir/tls/ca.crt", "hostName": "peer0.org$n.example.com",
      "clientCertificate": "$admin/tls/client.crt", "clientKey": "$admin/tls/client.key",
      "mspId": "Org${n}MSP",
      "adminCertificate": "$admin/msp/signcerts/Admin@org$n.example.com-cert.pem", "adminKey": "$admin/msp/keystore/priv_sk" }
EOF
}

write_collections() {
  # Collection member policies must be ORs of organisations (Fabric checks it at approval). requiredPeerCount 0:
  # under AND('Org1MSP.peer', 'Org2MSP.peer') both peers endorse, so each already holds what it may keep.
  cat > "$NET_DIR/collections.json" <<EOF
[
  { "name": "traceabilityDetails", "policy": "OR('Org1MSP.member', 'Org2MSP.member')",
    "requiredPeerCount": 0, "maxPeerCount": 1, "blockToLive": 0, "memberOnlyRead": true, "memberOnlyWrite": true },
  { "name": "org1Only", "policy": "OR('Org1MSP.member')",
    "requiredPeerCount": 0, "maxPeerCount": 0, "blockToLive": 0, "memberOnlyRead": true, "memberOnlyWrite": false }
]
EOF
  python3 -m json.tool "$NET_DIR/collections.json" >/dev/null
}

write_description() {
  local org1 admin1
  org1=$(org_dir 1)
  admin1=$(admin_dir 1)
  cat > "$NET_DIR/network.json" <<EOF
{
  "channel": "$CHANNEL",
  "mspId": "Org1MSP",
  "peer": $(peer_json 1),
  "peers": [
    $(peer_json 1),
    $(peer_json 2)
  ],
  "endorsementPolicy": "$ENDORSEMENT_POLICY",
  "discovery": $DISCOVERY,
  "collections": "${COLLECTIONS:-$NET_DIR/collections.json}",
  "orderer": { "address": "https://127.0.0.1:$ORDERER_PORT", "tlsRoot": "$ORD_NODE/tls/ca.crt", "hostName": "orderer.example.com" },
  "caCertificate": "$org1/ca/ca.org1.example.com-cert.pem",
  "caKey": "$org1/ca/priv_sk",
  "adminCertificate": "$admin1/msp/signcerts/Admin@org1.example.com-cert.pem",
  "adminKey": "$admin1/msp/keystore/priv_sk",
  "packageId": "$PACKAGE_ID",
  "chaincodeListen": "127.0.0.1:$CHAINCODE_PORT",
  "control": { "script": "$HERE/two-org-network.sh", "netDir": "$NET_DIR" }
}
EOF
  # The keystore file names are what cryptogen chose; point at them.
  local n key
  for n in 1 2; do
    key=$(ls "$(admin_dir "$n")/msp/keystore/" | head -1)
    sed -i "s#$(admin_dir "$n")/msp/keystore/priv_sk#$(admin_dir "$n")/msp/keystore/$key#" "$NET_DIR/network.json"
  done
  python3 -m json.tool "$NET_DIR/network.json" >/dev/null
  log "wrote $NET_DIR/network.json"
  cat "$NET_DIR/network.json"
}

down() {
  stop_pid "$NET_DIR/peer2.pid"
  stop_pid "$NET_DIR/peer1.pid"
  stop_pid "$NET_DIR/orderer.pid"
}

peer_number() {
  [[ ${1:-} == 1 || ${1:-} == 2 ]] || { echo "peer number 1 or 2, not '${1:-}'" >&2; exit 2; }
  echo "$1"
}

case ${1:-} in
  up)
    if running "$NET_DIR/orderer.pid" || running "$NET_DIR/peer1.pid" || running "$NET_DIR/peer2.pid"; then echo "already running (two-org-network.sh down first)" >&2; exit 1; fi
    rm -rf "$NET_DIR"; mkdir -p "$NET_DIR"
    generate
    start_orderer
    join_orderer
    start_peer 1
    start_peer 2
    join_peer 1
    join_peer 2
    install_chaincode
    write_collections
    write_description
    echo "export VALUECHAIN_FABRIC_NETWORK=$NET_DIR/network.json"
    ;;
  stop-peer) stop_pid "$NET_DIR/peer$(peer_number "${2:-}").pid" ;;
  start-peer)
    n=$(peer_number "${2:-}")
    if running "$NET_DIR/peer$n.pid"; then echo "peer $n is running" >&2; exit 1; fi
    start_peer "$n"
    ;;
  down) down ;;
  clean) down; rm -rf "$NET_DIR" ;;
  status)
    for name in orderer peer1 peer2; do
      if running "$NET_DIR/$name.pid"; then echo "$name: running (pid $(cat "$NET_DIR/$name.pid"))"; else echo "$name: not running"; fi
    done
    ;;
  *) sed -n '2,30p' "$0"; exit 2 ;;
esac
