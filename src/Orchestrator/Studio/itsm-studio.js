// Itsm's glue for Elsa Studio's custom elements. The list elements do not navigate by themselves (the
// custom-elements host has no router): they raise EditWorkflowDefinition / ViewWorkflowInstance with the id, and
// this page answers by opening Itsm's page for it. Relative URLs resolve against <base href=".../studio/">.
// Properties are set once the element is defined: Blazor defines them on the instance when it upgrades it, which
// would drop a value set earlier.
(function () {
  function whenDefined(tag, property, target) {
    customElements.whenDefined(tag).then(function () {
      document.querySelectorAll(tag).forEach(function (element) {
        element[property] = function (id) {
          window.location.assign(target + encodeURIComponent(id));
        };
      });
    });
  }

  whenDefined('elsa-workflow-definition-list', 'editWorkflowDefinition', 'definitions/');
  whenDefined('elsa-workflow-instance-list', 'viewWorkflowInstance', 'instances/');
})();
