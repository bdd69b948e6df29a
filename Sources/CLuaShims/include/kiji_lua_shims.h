#ifndef KIJI_LUA_SHIMS_H
#define KIJI_LUA_SHIMS_H
// C shims between Swift and Lua 5.4.
//
// Why this layer exists: Lua reports errors with longjmp, and a long jump
// across a Swift frame is undefined behaviour. This file is the only code
// in kiji that raises Lua errors. Swift host functions return a status
// instead and leave the error value on the stack; the trampoline here raises
// it after every Swift frame has returned. It also wraps the Lua macros that
// Swift cannot import.

#include <stddef.h>
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

/// A Swift host function: returns the number of results it pushed, or one
/// of the error codes after pushing one error value.
typedef int (*kiji_host_dispatch)(lua_State *L, lua_Integer function_id);
enum {
    /// Raise the error value, prefixed with the caller's position.
    KIJI_HOST_ERROR = -1,
    /// Raise the error value as it is (it already names its position).
    KIJI_HOST_ERROR_AS_IS = -2
};

/// Creates a state with a byte-counting allocator. `memory_limit` of 0 means
/// unlimited. Returns NULL when the state cannot be allocated.
lua_State *kiji_state_new(size_t memory_limit, kiji_host_dispatch dispatch, void *host);
/// Closes the state and frees the allocator record.
void kiji_state_close(lua_State *L);
/// The opaque host pointer given to kiji_state_new.
void *kiji_state_host(lua_State *L);
/// Replaces the opaque host pointer.
void kiji_state_set_host(lua_State *L, void *host);
/// Bytes the state has allocated now (Lua's own plus what Swift charged).
size_t kiji_state_memory_used(lua_State *L);
/// 1 when the state has a memory limit and is over it, else 0. Host
/// functions check it while they build values, because allocations made
/// while Swift has control are never refused (a refusal would long-jump).
int kiji_state_over_limit(lua_State *L);
/// Counts `bytes` (negative: gives them back) that Swift holds on Lua's
/// behalf against the memory limit. Returns 0, charging nothing, when they
/// do not fit under the limit; 1 otherwise.
int kiji_state_charge(lua_State *L, long long bytes);
/// Pushes the globals table (LUA_RIDX_GLOBALS), for raw access.
void kiji_push_globals(lua_State *L);

/// Stops Lua code that runs longer than `seconds` from now (0: no limit, and
/// removes the hook). Call it with 0 when the run ends. A count hook stops
/// Lua code; a watchdog (kiji_process.h) ends the process one grace second
/// later if the time is spent where no hook runs (finalizers, C functions
/// such as string.find).
void kiji_set_time_limit(lua_State *L, double seconds);
/// Like kiji_set_time_limit, but the time is up at `deadline` (seconds on
/// kiji_monotonic_seconds' clock) rather than `seconds` from now; messages
/// still name `seconds`. Workers of one run share one deadline this way.
void kiji_set_time_limit_until(lua_State *L, double seconds, double deadline);
/// When the current time limit ends (kiji_monotonic_seconds' clock), or 0.
double kiji_time_limit_deadline(lua_State *L);
/// The monotonic clock the time limits use.
double kiji_monotonic_seconds(void);
/// Stops the Lua code running in `L` at its next instruction, with the error
/// "stopped: another worker failed first", as a time limit stops it. The
/// only function here that may be called from another thread than the one
/// running `L` (lua_sethook is safe to call asynchronously); call it only
/// while `L` is open.
void kiji_state_interrupt(lua_State *L);

/// Opens the sandboxed standard library (base, string, table, math, utf8,
/// coroutine) and removes dofile, loadfile and binary-chunk loading.
/// Protected: returns a Lua status and leaves an error message on failure.
int kiji_open_sandbox(lua_State *L);

/// Loads a text chunk (never binary). Returns a Lua status.
int kiji_load_text(lua_State *L, const char *buffer, size_t size, const char *chunkname);

/// Gives the function on top a new, empty environment (its first upvalue,
/// _ENV), so a data file cannot reach any global.
void kiji_set_empty_environment(lua_State *L);

/// Calls the function below `nargs` arguments under lua_pcall with a message
/// handler that appends a traceback and copes with non-string error values.
int kiji_pcall_traceback(lua_State *L, int nargs, int nresults);

/// Pushes a closure that calls `dispatch(L, function_id)` through the
/// trampoline. `name` is used in error messages only.
void kiji_push_host_function(lua_State *L, lua_Integer function_id);

/// Protected luaL_tolstring of the value at `index`; pushes the string, or
/// an error message when the status is not LUA_OK.
int kiji_protected_tostring(lua_State *L, int index);

/// A userdata box holding one pointer, with the metatable registered as
/// `type_name`. Returns the box's address.
void **kiji_new_box(lua_State *L, void *pointer, const char *type_name);
/// The box at `index` when it has the metatable `type_name`, otherwise NULL.
void **kiji_test_box(lua_State *L, int index, const char *type_name);

// Macros that Swift cannot import.
int kiji_registry_index(void);
void kiji_pop(lua_State *L, int n);
int kiji_is_integer_valued(lua_State *L, int index);
void kiji_gc_collect(lua_State *L);
const char *kiji_typename(lua_State *L, int index);
int kiji_get_named_metatable(lua_State *L, const char *name);

#endif
