"""all-MiniLM-L6-v2 rebuilt in torch from the pretrained ONNX file (placeholder until implemented)."""


def build(onnx_path, seq_len):
    raise SystemExit("minilm TorchScript export is not implemented")
