/**
 */
package io.mechanist.model;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Result Array</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * An n-d array of a result stored as tensor tensorName in the result's arraysFile, with one name per axis (e.g. [layer, position]).
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.ResultArray#getName <em>Name</em>}</li>
 *   <li>{@link io.mechanist.model.ResultArray#getTensorName <em>Tensor Name</em>}</li>
 *   <li>{@link io.mechanist.model.ResultArray#getShape <em>Shape</em>}</li>
 *   <li>{@link io.mechanist.model.ResultArray#getAxes <em>Axes</em>}</li>
 * </ul>
 *
 * @see io.mechanist.model.MechanistPackage#getResultArray()
 * @model
 * @generated
 */
public interface ResultArray extends EObject {
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see io.mechanist.model.MechanistPackage#getResultArray_Name()
	 * @model
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link io.mechanist.model.ResultArray#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Tensor Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Tensor Name</em>' attribute.
	 * @see #setTensorName(String)
	 * @see io.mechanist.model.MechanistPackage#getResultArray_TensorName()
	 * @model
	 * @generated
	 */
	String getTensorName();

	/**
	 * Sets the value of the '{@link io.mechanist.model.ResultArray#getTensorName <em>Tensor Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Tensor Name</em>' attribute.
	 * @see #getTensorName()
	 * @generated
	 */
	void setTensorName(String value);

	/**
	 * Returns the value of the '<em><b>Shape</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.Integer}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Shape</em>' attribute list.
	 * @see io.mechanist.model.MechanistPackage#getResultArray_Shape()
	 * @model unique="false"
	 * @generated
	 */
	EList<Integer> getShape();

	/**
	 * Returns the value of the '<em><b>Axes</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.String}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Axes</em>' attribute list.
	 * @see io.mechanist.model.MechanistPackage#getResultArray_Axes()
	 * @model unique="false"
	 * @generated
	 */
	EList<String> getAxes();

} // ResultArray
