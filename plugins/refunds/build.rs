//! A plugin needs little stack; a small one keeps its memory, which the host resets after
//! every call, small (the default Rust stack on wasm32 is 1 MiB).
fn main() {
    println!("cargo:rustc-link-arg-cdylib=-zstack-size=65536");
}
