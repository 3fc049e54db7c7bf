//! `commands!`: each Tauri command declared once. One declaration gives the command function,
//! its place in the invoke handler, and (in tests) its TypeScript signature, from which
//! `ui/src/bindings/commands.ts` is rendered — nothing to keep in step by hand.

/// Wraps command functions written as
/// `/// What it does.` `pub async fn name(tauri_param: Type, …; ui_arg: Type, …) -> Result<T, ApiError> { … }`.
/// The parameters before `;` are Tauri's to fill (state, app handle); those after it come
/// from the UI, each checked (`storymap_api::ipc_args`) before the body runs: an argument
/// type without a check does not build. Every command is async, so it runs off the main
/// thread.
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])+
        pub async fn $name:ident(
            $($tauri_param:ident : $tauri_ty:ty),* ;
            $($arg:ident : $arg_ty:ty),* $(,)?
        ) -> Result<$ret:ty, ApiError> $body:block
    )+) => {
        $(
            $(#[doc = $doc])+
            #[tauri::command]
            pub async fn $name(
                $($tauri_param: $tauri_ty,)*
                $($arg: $arg_ty),*
            ) -> Result<$ret, ApiError> {
                $(storymap_api::ipc_args::IpcArg::check(&$arg, stringify!($arg))?;)*
                $body
            }
        )+

        /// The invoke handler: every command above, and only those.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),+]
        }

        /// The names of the commands above, for [`crate::command_table::handler`].
        pub const NAMES: &[&str] = &[$(stringify!($name)),+];

        /// Every command above as the UI calls it.
        #[cfg(test)]
        pub fn specs() -> Vec<storymap_api::bindings::CommandSpec> {
            let config = ts_rs::Config::new();
            vec![$(storymap_api::bindings::CommandSpec {
                name: stringify!($name).to_owned(),
                args: vec![$(
                    (stringify!($arg).to_owned(), <$arg_ty as ts_rs::TS>::name(&config))
                ),*],
                returns: <$ret as ts_rs::TS>::name(&config),
                doc: [$($doc),+].map(str::trim).join(" "),
            }),+]
        }
    };
}

pub(crate) use commands;

/// Every command of the app: `commands` (maps, edits, sync, exports) and `desktop_commands`
/// (the app on the desktop: files it is handed, About), each module's handler answering its own.
pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    let maps = crate::commands::handler();
    let desktop = crate::desktop_commands::handler();
    move |invoke| {
        let name = invoke.message.command();
        if crate::desktop_commands::NAMES.contains(&name) {
            desktop(invoke)
        } else if crate::commands::NAMES.contains(&name) {
            maps(invoke)
        } else {
            false
        }
    }
}

/// Every command as the UI calls it, for the generated bindings and the checks.
#[cfg(test)]
pub fn specs() -> Vec<storymap_api::bindings::CommandSpec> {
    let mut specs = crate::commands::specs();
    specs.extend(crate::desktop_commands::specs());
    specs
}
