"""Board profile: the profile in use, and another one for this session."""

import streamlit as st
import yaml

import generator as g

st.title("Board profile")
board = st.session_state.get("board") or g.load_board()
st.caption("Every document is printed with this profile. Load another (YAML, as board.example.yaml) "
           "for this session only.")
st.json(board.model_dump(mode="json"), expanded=True)
upload = st.file_uploader("Another board profile (YAML)", type=["yaml", "yml"], key="profile")
if upload is not None:
    try:
        data = yaml.safe_load(upload.getvalue().decode("utf-8"))
        st.session_state["board"] = g.board_from_dict(data, upload.name)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        st.error(f"{upload.name}: not valid YAML ({str(exc).splitlines()[0]})")
    except g.SdpaError as exc:
        st.error(str(exc))
    else:
        st.success(f"Using {st.session_state['board'].name} for this session.")
        st.rerun()
if "board" in st.session_state and st.button("Back to the default profile", key="reset"):
    del st.session_state["board"]
    st.rerun()
