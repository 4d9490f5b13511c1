"""The semantic judge: learned heads on sentence embeddings, shipped as numpy arrays."""
